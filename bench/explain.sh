#!/usr/bin/env bash
# EXPLAIN of every statement the hot pages run, found, not listed
# by hand: MariaDB's general log (to a table) is switched on around one view
# of each page, the executed prepared statements are read back with their
# values, and each SELECT, UPDATE and DELETE is EXPLAINed. A page added
# later (checkout, schedule) is covered without editing this file.
#
#   bench/explain.sh DIR BASE_URL COOKIE PATH...
#
# DIR: a running stack directory (scripts/stack.sh), BASE_URL its nginx,
# COOKIE the Cookie header of a signed-in user, PATH the GET pages.
# Prints, per page, each statement and its plan (table, type, key, rows);
# a line is marked SCAN when a table is read without an index (type ALL or
# index) and more than 100 rows are examined. Exit status 0; 3 when a SCAN
# was found.
set -euo pipefail

[ $# -ge 4 ] || { echo "usage: bench/explain.sh DIR BASE_URL COOKIE PATH..." >&2; exit 2; }
dir=$1 base=$2 cookie=$3
shift 3
sql() { mariadb --no-defaults -S "$dir/run/mysqld.sock" -u root -N -B "$@"; }
scan=0

sql -e "SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 0; TRUNCATE mysql.general_log"
trap 'sql -e "SET GLOBAL general_log = 0" >/dev/null 2>&1 || true' EXIT
for path in "$@"; do
	# One view first so every statement is prepared, then the logged one.
	curl -s -o /dev/null -H "Cookie: $cookie" "$base$path"
	sql -e "TRUNCATE mysql.general_log; SET GLOBAL general_log = 1"
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
	sql -e "SET GLOBAL general_log = 0"
	echo "== GET $path ($code)"
	if [ "$code" = 404 ]; then echo "   not built yet"; continue; fi
	# One statement per line: newlines inside a statement become spaces.
	sql -e "SELECT REPLACE(REPLACE(CONVERT(argument USING utf8mb4), '\n', ' '), '\t', ' ')
	    FROM mysql.general_log WHERE command_type IN ('Execute', 'Query') AND thread_id <> CONNECTION_ID()
	    ORDER BY event_time" > "$dir/explain-$$.txt"
	while IFS= read -r stmt; do
		case "$stmt" in
		SELECT*|select*|UPDATE*|update*|DELETE*|delete*) ;;
		*) echo "   (not explained) ${stmt:0:100}"; continue ;;
		esac
		echo "   ${stmt:0:160}"
		# Statements prepared before the log was switched on are logged
		# with their "?" markers: put typical values in (LIMIT 20
		# OFFSET 0, '1' elsewhere). A unique-key lookup of a value that
		# does not exist then reads "Impossible WHERE ... const tables":
		# that is an index lookup too.
		stmt=$(printf '%s' "$stmt" | perl -pe 's/\bLIMIT \?/LIMIT 20/gi; s/\bOFFSET \?/OFFSET 0/gi; s/\?/'"'"'1'"'"'/g')
		# id select_type table type possible_keys key key_len ref rows Extra
		while IFS=$'\t' read -r _ _ table type _ key _ _ rows extra; do
			mark=""
			if { [ "$type" = ALL ] || [ "$type" = index ]; } && [ "${rows:-0}" != NULL ] && [ "${rows:-0}" -gt 100 ]; then
				mark="  <-- SCAN"; scan=1
			fi
			printf '      %-14s type=%-7s key=%-26s rows=%-7s %s%s\n' "$table" "$type" "$key" "$rows" "$extra" "$mark"
		done < <(sql mallpay -e "EXPLAIN $stmt" 2>&1)
	done < "$dir/explain-$$.txt"
	rm -f "$dir/explain-$$.txt"
done
[ "$scan" = 0 ] || exit 3
