#!/bin/sh
# The layering of src/ (README "Source layout"): data flows one way,
# nginx -> http -> pages -> service -> rules/db/gateway -> core, and pages
# render through view; the sandbox partners (src/sandbox) implement gateway
# interfaces with rules and their own tables. Each layer may include only the headers of the layers
# listed for it below; every other #include "layer/..." is a violation.
#
# tests/layers/allowed lists the violations that remain from before this
# check (each "file: layer/header.h"); the check fails on any violation not
# listed, and on a listed one that is gone (delete its line), so the list
# only ever shrinks. top_srcdir comes from AM_TESTS_ENVIRONMENT.
set -eu
src=${top_srcdir:-$(dirname "$0")/../..}
cd "$src"

allowed_for() {
	case $1 in
	core)		echo "core" ;;
	rules)		echo "core rules" ;;
	db)		echo "core db" ;;
	gateway)	echo "core gateway" ;;
	view)		echo "core view" ;;
	http)		echo "core http" ;;
	service)	echo "core rules db gateway service" ;;
	pages)		echo "core http pages service view" ;;
	sandbox)	echo "core rules db gateway sandbox" ;;
	esac
}

found=$(mktemp)
trap 'rm -f "$found"' EXIT
for layer in core rules db gateway view http service pages sandbox; do
	ok=$(allowed_for "$layer")
	for f in src/"$layer"/*.c src/"$layer"/*.h src/"$layer"/*.cc; do
		[ -f "$f" ] || continue
		sed -n 's/^#[[:space:]]*include[[:space:]]*"\([a-z_]*\)\/\([^"]*\)".*/\1 \1\/\2/p' "$f" |
		while read -r inc path; do
			case " $ok " in *" $inc "*) continue ;; esac
			echo "$f: $path"
		done
	done
done | sort -u > "$found"

rc=0
new=$(comm -23 "$found" tests/layers/allowed)
gone=$(comm -13 "$found" tests/layers/allowed)
if [ -n "$new" ]; then
	echo "layers: includes against the layering:"
	echo "$new" | sed 's/^/  /'
	rc=1
fi
if [ -n "$gone" ]; then
	echo "layers: fixed, so delete these lines from tests/layers/allowed:"
	echo "$gone" | sed 's/^/  /'
	rc=1
fi
if [ "$rc" -eq 0 ]; then
	echo "layers: $(wc -l < "$found") include(s) against the layering remain, each listed in tests/layers/allowed"
else
	echo "layers: FAILED"
fi
exit "$rc"
