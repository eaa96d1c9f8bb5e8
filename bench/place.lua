-- wrk script for POST /checkout/place (bench/run.sh): every request carries a
-- unique idempotency key, so each one is a new order, and the CSRF token and
-- session cookie of the signed-in benchmark shopper (the Cookie header comes
-- from wrk -H).
--   wrk ... -s bench/place.lua URL -- BODY RUNID
-- BODY is the urlencoded form with @KEY@ where the key goes.
local counter = 0
local template = ""
local runid = "0"
local tid = 0
local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("tid", nthreads)
end

function init(args)
	template = args[1] or ""
	runid = args[2] or "0"
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
	counter = counter + 1
	local key = string.format("wrk-%s-%d-%d", runid, tid, counter)
	local body = (template:gsub("@KEY@", key))
	return wrk.format("POST", nil, nil, body)
end
