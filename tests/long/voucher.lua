-- wrk script of fault (a) in tests/long/faults.sh: each connection is one
-- shopper (run with -tN -cN: one connection per wrk thread, so the cycle
-- below is sequential per shopper) and loops:
--   POST /cart/add (one item)
--   POST /checkout/place, pay=remittance, a unique idempotency key
--     -> 303 /orders/ID/remittance
--   POST /orders/ID/voucher: multipart form with a small valid PDF, amount,
--     today's date, a tracking number and a unique key
--     -> 303 /orders/ID/voucher?msg=uploaded
-- A place or upload answered 5xx or not at all (mallpayd killed) is sent
-- again with the SAME key, up to 5 times: the server must then either find
-- the order/voucher committed before the crash or make it now, never two.
--
-- Environment: as tests/long/shoppers.lua (LONG_LIB is its path), and
--   LONG_AMOUNT    the amount typed on the voucher form (e.g. 459.00)
-- LONG_OUT also gets "placed ORDER_ID KEY" for each place answered 303
-- with an order and "voucher ORDER_ID KEY" for each upload answered 303.
dofile(os.getenv("LONG_LIB"))

function setup(thread)
	long_setup(thread):set("amount", os.getenv("LONG_AMOUNT") or "1.00")
end

-- Per-thread state (each wrk thread has its own Lua state).
tally = {}
placed = {}
vouchers = {}
local step = "add"
local sent = "add"
local n = 0
local order = nil
local key = nil
local tries = 0

local function form(path, body)
	return wrk.format("POST", path, {
		["Cookie"] = cookie,
		["Content-Type"] = "application/x-www-form-urlencoded",
	}, body)
end

-- The multipart voucher form; the PDF is unique per upload so the
-- duplicate-file flag is not hit.
local function upload(path)
	local b = string.format("mallpayLong%d%s%d", tid, runid, n)
	local pdf = string.format("%%PDF-1.4\n%% kill-9 voucher %s %d %d\n" ..
	    "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n" ..
	    "%%%%EOF\n", runid, tid, n)
	local parts = {}
	local function field(name, value)
		parts[#parts + 1] = "--" .. b .. "\r\nContent-Disposition: " ..
		    "form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
	end
	field("csrf", csrf)
	field("key", key)
	field("amount", amount)
	field("date", os.date("!%Y-%m-%d"))
	field("tracking", string.format("PO-%d-%d", tid, n))
	parts[#parts + 1] = "--" .. b .. "\r\nContent-Disposition: form-data; " ..
	    "name=\"voucher\"; filename=\"receipt.pdf\"\r\nContent-Type: " ..
	    "application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. b .. "--\r\n"
	return wrk.format("POST", path, {
		["Cookie"] = cookie,
		["Content-Type"] = "multipart/form-data; boundary=" .. b,
	}, table.concat(parts))
end

function request()
	sent = step
	if step == "add" then
		return form("/cart/add", "csrf=" .. csrf .. "&product_id=" ..
		    product .. "&qty=1")
	elseif step == "place" then
		return form("/checkout/place", "csrf=" .. csrf .. "&key=" .. key ..
		    "&country=MY&pay=remittance&disclosed=remittance")
	else
		return upload("/orders/" .. order .. "/voucher")
	end
end

local function count(what, status)
	local k = what .. " " .. status
	tally[k] = (tally[k] or 0) + 1
end

function response(status, headers, body)
	local loc = headers["Location"] or headers["location"] or ""
	count(sent, status)
	if sent == "add" then
		if status == 303 then
			n = n + 1
			key = string.format("kl-%s-%d-%d", runid, tid, n)
			tries = 0
			step = "place"
		end
	elseif sent == "place" then
		local id = string.match(loc, "/orders/(%d+)/remittance")
		if status == 303 and id ~= nil then
			placed[#placed + 1] = id .. " " .. key
			order = id
			key = string.format("kv-%s-%d-%d", runid, tid, n)
			tries = 0
			step = "upload"
		elseif status >= 500 and tries < 5 then
			tries = tries + 1	-- same key again
		else
			step = "add"
		end
	else
		if status == 303 and string.find(loc, "msg=uploaded", 1, true) then
			vouchers[#vouchers + 1] = order .. " " .. key
			step = "add"
		elseif status >= 500 and tries < 5 then
			tries = tries + 1
		else
			step = "add"
		end
	end
end

function done(summary, latency, requests)
	long_done({ placed = "placed", voucher = "vouchers" })
end
