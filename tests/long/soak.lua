-- wrk script of the soak (tests/long/soak.sh): each connection is one
-- shopper (run with -tN -cN, one connection per wrk thread, so the cycle
-- is sequential per shopper) and loops over mixed reads and writes:
--   GET  /catalog
--   POST /cart/add                     (one item)
--   GET  /cart
--   GET  /checkout?country=MY
--   POST /checkout/place               (remittance, a unique key)
--   GET  /orders                       (My Orders)
--   GET  /orders/PLAN/schedule         (the shopper's installment plan)
-- Every answer is tallied as "NAME STATUS"; the expected ones are 200 for
-- the GETs and 303 for the POSTs (place: to the new order).
--
-- Environment:
--   LONG_SESSIONS  one "COOKIE CSRF EMAIL PLAN_ORDER_ID" line per shopper
--   LONG_OUT       written at the end: "tally NAME STATUS COUNT" lines
--   LONG_RUN       run id (part of every key)
--   LONG_PRODUCT   product id to put in the cart
local threads = {}
local nthreads = 0
local lines = nil

function setup(thread)
	if lines == nil then
		lines = {}
		local f = assert(io.open(os.getenv("LONG_SESSIONS"), "r"))
		for l in f:lines() do
			lines[#lines + 1] = l
		end
		f:close()
	end
	nthreads = nthreads + 1
	local cookie, csrf, _, plan = string.match(
	    lines[(nthreads - 1) % #lines + 1], "^(%S+) (%S+) (%S+) (%S+)")
	thread:set("tid", nthreads)
	thread:set("cookie", cookie)
	thread:set("csrf", csrf)
	thread:set("plan", plan)
	thread:set("runid", os.getenv("LONG_RUN") or "0")
	thread:set("product", os.getenv("LONG_PRODUCT") or "1")
	threads[#threads + 1] = thread
end

tally = {}
local step = 0
local sent = ""
local n = 0
local names = { "catalog", "add", "cart", "checkout", "place", "orders",
    "schedule" }

local function get(path)
	return wrk.format("GET", path, { ["Cookie"] = cookie })
end

local function post(path, body)
	return wrk.format("POST", path, {
		["Cookie"] = cookie,
		["Content-Type"] = "application/x-www-form-urlencoded",
	}, body)
end

function request()
	step = step % #names + 1
	sent = names[step]
	if sent == "catalog" then
		return get("/catalog")
	elseif sent == "add" then
		return post("/cart/add", "csrf=" .. csrf .. "&product_id=" ..
		    product .. "&qty=1")
	elseif sent == "cart" then
		return get("/cart")
	elseif sent == "checkout" then
		return get("/checkout?country=MY")
	elseif sent == "place" then
		n = n + 1
		return post("/checkout/place", "csrf=" .. csrf .. "&key=" ..
		    string.format("ks-%s-%d-%d", runid, tid, n) ..
		    "&country=MY&pay=remittance&disclosed=remittance")
	elseif sent == "orders" then
		return get("/orders")
	else
		return get("/orders/" .. plan .. "/schedule")
	end
end

function response(status, headers, body)
	local k = sent .. " " .. status
	-- A place that did not make an order (redirected elsewhere than
	-- /orders/ID/...) is tallied apart: it is not a success.
	if sent == "place" and status == 303 then
		local loc = headers["Location"] or headers["location"] or ""
		if not string.find(loc, "/orders/%d+/") then
			k = "place 303-no-order"
		end
	end
	tally[k] = (tally[k] or 0) + 1
end

function done(summary, latency, requests)
	local f = assert(io.open(os.getenv("LONG_OUT"), "w"))
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("tally") or {}) do
			f:write("tally ", k, " ", v, "\n")
		end
	end
	f:write(string.format("wrk requests %d errors %d %d %d %d %d\n",
	    summary.requests, summary.errors.connect, summary.errors.read,
	    summary.errors.write, summary.errors.status, summary.errors.timeout))
	f:close()
end
