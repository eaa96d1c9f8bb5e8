#!/bin/sh
# C-05: rule code never reads the clock; callers pass `now`. Judged on the
# source of src/rules/ (test_C_05_rules_read_no_clock.sh judges the compiled
# objects): no file includes a header that reads the time (<time.h>,
# <sys/time.h>, <sys/timeb.h>, core/clock.h) and none calls a function that
# does. The C preprocessor strips comments first, so a comment may name them;
# string literals (outside #include lines) are emptied. top_srcdir comes
# from AM_TESTS_ENVIRONMENT.
set -eu
src=${top_srcdir:-$(dirname "$0")/../../..}
cc=${CC:-cc}
headers='(time\.h|sys/time\.h|sys/timeb\.h|core/clock\.h)'
calls='(time|clock|clock_gettime|gettimeofday|ftime|timespec_get|localtime(_r)?|gmtime(_r)?|clock_now|clock_set_fixed)'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$src/src/rules" -name '*.[ch]' | sort > "$tmp/files"
[ -s "$tmp/files" ] || { echo "C-05: no sources in $src/src/rules"; exit 1; }
: > "$tmp/bad"
n=0
while IFS= read -r f; do
	n=$((n + 1))
	if ! "$cc" -fpreprocessed -dD -E -P -x c "$f" > "$tmp/code"; then
		echo "C-05: $cc cannot read $f"
		exit 1
	fi
	sed -E '/^[[:space:]]*#/!s/"([^"\\]|\\.)*"/""/g' "$tmp/code" |
	grep -E -e "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]${headers}[>\"]" \
	    -e "(^|[^A-Za-z0-9_.>])${calls}[[:space:]]*\\(" |
	sed "s|^|  ${f#"$src"/}: |" >> "$tmp/bad" || true
done < "$tmp/files"
if [ -s "$tmp/bad" ]; then
	echo "C-05: rule code reads the clock:"
	cat "$tmp/bad"
	exit 1
fi
echo "C-05: $n files of src/rules include no clock header and call no clock function"
