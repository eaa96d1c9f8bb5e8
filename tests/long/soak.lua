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
-- Environment: as tests/long/shoppers.lua (LONG_LIB is its path); the
-- sessions file carries each shopper's plan order id as its 4th field.
dofile(os.getenv("LONG_LIB"))

function setup(thread)
	long_setup(thread)
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
	long_done(nil, function(f)
		f:write(string.format("wrk requests %d errors %d %d %d %d %d\n",
		    summary.requests, summary.errors.connect,
		    summary.errors.read, summary.errors.write,
		    summary.errors.status, summary.errors.timeout))
	end)
end
