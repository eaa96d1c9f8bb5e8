#!/usr/bin/env bash
# Latency at a steady load (called by bench/run.sh): an open-loop load of
# RATE requests a second for SECONDS on one page, and the exact p50 and
# p99 of every request's time.
#
#   bench/openloop.sh URL RATE SECONDS COOKIE LOGFILE
#
# The generator is h2load (Debian's nghttp2-client) in its fixed-rate
# mode over HTTP/1.1: it opens a new connection every period whatever the
# answers before it did (open loop: a slow answer does not slow the
# arrivals down, unlike wrk's 32 waiting connections), each connection
# sends one request, and --log-file writes every request's time to the
# end of its response in microseconds. p50/p99 are read from that file
# (sorted, nearest rank), not estimated from a histogram. httperf's
# --rate, the other open-loop generator in Debian, prints only a
# histogram of connection lifetimes in 1 ms bins, too coarse for a 5 ms
# target.
# h2load's period is whole milliseconds: RATE is met as R connections
# every P ms, the smallest P within 3% of RATE (at most 20 ms; one
# connection every P ms alone offers 1,000/s for any RATE from 667 to
# 999, and 500/s from 400 to 666). The rate
# actually offered is measured from the requests' start times: on a busy
# machine the generator's timer can fall behind, and the line says so.
#
# Prints: "asked offered p50_ms p99_ms requests failed" (failed: non-2xx
# or errors).
set -euo pipefail

[ $# -eq 5 ] || { echo "usage: bench/openloop.sh URL RATE SECONDS COOKIE LOGFILE" >&2; exit 2; }
url=$1 rate=$2 secs=$3 cookie=$4 log=$5
command -v h2load > /dev/null || { echo "openloop: h2load is missing (Debian nghttp2-client)" >&2; exit 1; }
[ "$rate" -gt 0 ] || { echo "0 0 0 0 0 0"; exit 0; }

read -r per period < <(awk -v r="$rate" 'BEGIN {
	for (p = 1; p <= 20; p++) {
		n = int(r * p / 1000 + 0.5); if (n < 1) n = 1
		e = n * 1000 / p / r - 1; if (e < 0) e = -e
		if (e <= 0.03 || p == 20) { print n, p; exit }
	} }')
total=$((rate * secs))
# -c: the most connections at once; in rate mode also how many are made,
# one request each (-n = -c).
h2load --h1 -t1 -n "$total" -c "$total" -r "$per" --rate-period "${period}ms" \
    -H "cookie: $cookie" --log-file "$log" "$url" > "$log.out" 2>&1 || true
sort -n -k3,3 "$log" | awk -v asked="$rate" '
	{ t[NR] = $3; if (NR == 1 || $1 < a) a = $1; if ($1 > b) b = $1
	  if ($2 < 200 || $2 > 399) bad++ }
	function rank(q,  i) { i = int(q * NR + 0.999999); if (i < 1) i = 1; return t[i] / 1000 }
	END {
		if (NR == 0) { print asked, 0, 0, 0, 0, 0; exit }
		printf "%d %.0f %.2f %.2f %d %d\n", asked, (b > a ? (NR - 1) * 1e6 / (b - a) : 0),
		    rank(0.50), rank(0.99), NR, bad + 0 }'
