-- wrk script for place-order (bench/run.sh). Placing an order empties the
-- cart, so each connection runs a cycle of requests: POST /cart/add for each
-- product (qty 1), then POST /checkout/place with a unique idempotency key.
-- Each wrk thread has one connection and one shopper of its own (the mall's
-- real load: many shoppers, each with a cart), read from the file named by
-- the environment's BENCH_BUYERS (setup() runs before the arguments are
-- given): line N (tab-separated) is thread N's session cookie, CSRF token
-- and urlencoded place-order form with @KEY@ where the key goes. Orders
-- per second are counted in the database by bench/run.sh (keys
-- "wrk-RUNID-...").
--   BENCH_BUYERS=FILE wrk -tN -cN ... -s bench/place.lua URL -- RUNID PRODUCT_IDS
local counter = 0
local runid = "0"
local products = {}
local step = 0
local tid = 0
local nthreads = 0
local buyers = nil

-- The lines of file path, each split at tabs.
local function read_buyers(path)
	local t = {}
	for line in io.lines(path) do
		local f = {}
		for v in string.gmatch(line, "[^\t]+") do f[#f + 1] = v end
		t[#t + 1] = f
	end
	return t
end

function setup(thread)
	nthreads = nthreads + 1
	if buyers == nil then
		buyers = read_buyers(os.getenv("BENCH_BUYERS"))
	end
	local b = buyers[(nthreads - 1) % #buyers + 1]
	thread:set("tid", nthreads)
	thread:set("cookie", b[1])
	thread:set("csrf", b[2])
	thread:set("template", b[3])
end

function init(args)
	runid = args[1] or "0"
	for id in string.gmatch(args[2] or "", "[0-9]+") do
		products[#products + 1] = id
	end
	wrk.headers["Cookie"] = cookie
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
