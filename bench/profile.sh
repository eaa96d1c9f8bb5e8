#!/usr/bin/env bash
# Where a page's time goes (called by bench/run.sh for `./mallpay bench
# --profile PAGE`): wrk loads URL at CONNS connections while perf samples
# mallpayd, MariaDB and nginx (master and workers) at 999 Hz with call
# graphs, each process group in its own perf.data; then a summary per
# process: the share of each library (dso) and the hottest symbols.
#
#   bench/profile.sh URL COOKIE SECONDS CONNS OUTDIR "APP_PIDS" "DB_PIDS" "NGINX_PIDS"
#
# Writes OUTDIR/wrk.txt, OUTDIR/perf-{mallpayd,mariadb,nginx}.data and
# OUTDIR/{mallpayd,mariadb,nginx}.txt (perf report --stdio: by library,
# then by symbol; open the .data with `perf report -i` for call graphs),
# and prints the summaries. perf is Debian's linux-perf; in a VM without
# hardware counters it samples the cpu-clock software event.
set -euo pipefail

[ $# -eq 8 ] || { echo "usage: bench/profile.sh URL COOKIE SECONDS CONNS OUTDIR APP_PIDS DB_PIDS NGINX_PIDS" >&2; exit 2; }
url=$1 cookie=$2 secs=$3 conns=$4 out=$5
command -v perf > /dev/null || { echo "profile: perf is missing (Debian linux-perf)" >&2; exit 1; }
mkdir -p "$out"
pids_of() { echo "$1" | tr -s ' ' '\n' | grep -E '^[0-9]+$' | paste -sd, -; }

echo "profile: $url, wrk -c$conns for $((secs + 2))s, perf -F 999 -g for ${secs}s from the second second" >&2
wrk -t2 -c"$conns" -d"$((secs + 2))s" --latency -H "Cookie: $cookie" "$url" > "$out/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 1
perfs=""
for g in "mallpayd:$6" "mariadb:$7" "nginx:$8"; do
	name=${g%%:*} pids=$(pids_of "${g#*:}")
	[ -n "$pids" ] || continue
	perf record -F 999 -g -e cpu-clock -o "$out/perf-$name.data" -p "$pids" -- sleep "$secs" \
	    > "$out/perf-$name.log" 2>&1 &
	perfs="$perfs $!"
done
# shellcheck disable=SC2086
wait $perfs || true
wait "$wrk_pid" || true
echo "== load: $(awk '/Requests\/sec/ { r = $2 } /^ +99%/ { p = $2 } END { print r " req/s, p99 " p }' "$out/wrk.txt")"
for name in mallpayd mariadb nginx; do
	[ -s "$out/perf-$name.data" ] || continue
	{
		echo "== $name: share of samples by library"
		perf report -i "$out/perf-$name.data" --stdio --no-children --sort dso -g none --percent-limit 1 2>/dev/null |
		    grep -v '^#' | grep -v '^$' | grep '%' | head -n 15
		echo "== $name: hottest symbols (self)"
		perf report -i "$out/perf-$name.data" --stdio --no-children --sort dso,sym -g none --percent-limit 0.5 2>/dev/null |
		    grep -v '^#' | grep -v '^$' | grep '%' | head -n 30
	} > "$out/$name.txt"
	cat "$out/$name.txt"
done
echo "profile: written to $out (perf report -i $out/perf-NAME.data for call graphs)"
