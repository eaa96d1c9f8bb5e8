-- wrk script for place-order (bench/run.sh). Placing an order empties the
-- cart, so each connection runs a cycle of requests: POST /cart/add for each
-- product (qty 1), then POST /checkout/place with a unique idempotency key;
-- the CSRF token and the session cookie are those of the signed-in benchmark
-- shopper (the Cookie header comes from wrk -H). Orders per second are
-- counted in the database by bench/run.sh (keys "wrk-RUNID-..."): with 32
-- connections on one shopper's cart some places find the cart empty and are
-- redirected to /cart without an order.
--   wrk ... -s bench/place.lua URL -- BODY RUNID CSRF PRODUCT_IDS
-- BODY is the urlencoded place-order form with @KEY@ where the key goes;
-- PRODUCT_IDS is a comma-separated list.
local counter = 0
local template = ""
local runid = "0"
local csrf = ""
local products = {}
local step = 0
local tid = 0
local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("tid", nthreads)
end

function init(args)
	template = args[1] or ""
	runid = args[2] or "0"
	csrf = args[3] or ""
	for id in string.gmatch(args[4] or "", "[0-9]+") do
		products[#products + 1] = id
	end
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
	step = step % (#products + 1) + 1
	if step <= #products then
		return wrk.format("POST", "/cart/add", nil,
		    "csrf=" .. csrf .. "&product_id=" .. products[step] .. "&qty=1")
	end
	counter = counter + 1
	local key = string.format("wrk-%s-%d-%d", runid, tid, counter)
	return wrk.format("POST", "/checkout/place", nil,
	    (template:gsub("@KEY@", key)))
end
