-- wrk script for the memory check of bench/run.sh: GET the paths given after
-- "--" in turn (wrk ... -s bench/mix.lua URL -- /orders /cart /checkout).
local paths = {}
local i = 0

function init(args)
	for _, p in ipairs(args) do
		paths[#paths + 1] = p
	end
	if #paths == 0 then
		paths[1] = "/"
	end
end

function request()
	i = i % #paths + 1
	return wrk.format("GET", paths[i])
end
