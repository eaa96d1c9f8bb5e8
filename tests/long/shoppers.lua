-- Shared by the wrk scripts of tests/long (each loads it first with
-- dofile(os.getenv("LONG_LIB"))): one shopper per wrk thread from
-- LONG_SESSIONS, and the tallies written to LONG_OUT at the end.
--
--   LONG_SESSIONS  file, one "COOKIE CSRF EMAIL [PLAN_ORDER_ID]" line per
--                  shopper (one per thread; reused round-robin if fewer)
--   LONG_OUT       written at the end: "tally NAME STATUS COUNT" lines, then
--                  the lists long_done names
--   LONG_RUN       run id (part of every key)
--   LONG_PRODUCT   product id to put in the cart
threads = {}
local nthreads = 0
local lines = nil

-- Give wrk thread the next shopper: tid, cookie, csrf, plan (the 4th
-- field, "" when absent), runid and product. Returns thread.
function long_setup(thread)
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
	    lines[(nthreads - 1) % #lines + 1],
	    "^(%S+) (%S+)%s*(%S*)%s*(%S*)")
	thread:set("tid", nthreads)
	thread:set("cookie", cookie)
	thread:set("csrf", csrf)
	thread:set("plan", plan)
	thread:set("runid", os.getenv("LONG_RUN") or "0")
	thread:set("product", os.getenv("LONG_PRODUCT") or "1")
	threads[#threads + 1] = thread
	return thread
end

-- Write every thread's tally, then for each label = name of lists the
-- thread's list name as "LABEL VALUE" lines, then whatever extra(f) adds.
function long_done(lists, extra)
	local f = assert(io.open(os.getenv("LONG_OUT"), "w"))
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("tally") or {}) do
			f:write("tally ", k, " ", v, "\n")
		end
		for label, name in pairs(lists or {}) do
			for _, v in ipairs(t:get(name) or {}) do
				f:write(label, " ", v, "\n")
			end
		end
	end
	if extra ~= nil then
		extra(f)
	end
	f:close()
end
