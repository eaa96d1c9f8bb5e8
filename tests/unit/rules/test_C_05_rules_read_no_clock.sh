#!/bin/sh
# C-05: rule code never reads the clock; callers pass `now`. Judged on what
# the compiled rules reference: no object of src/rules/ may call a function
# that reads the time (libc's or core/clock.h's clock_now).
# top_builddir comes from AM_TESTS_ENVIRONMENT.
set -e
bld=${top_builddir:-.}
objs=$(ls "$bld"/src/rules/*.o 2>/dev/null || true)
[ -n "$objs" ] || { echo "C-05: no objects in $bld/src/rules: build first"; exit 1; }
# shellcheck disable=SC2086
bad=$(nm -u $objs | awk '{ print $NF }' | grep -E \
    '^(time|clock|clock_gettime|gettimeofday|ftime|timespec_get|localtime(_r)?|gmtime(_r)?|clock_now|clock_set_fixed)$' \
    | sort -u | tr '\n' ' ')
if [ -n "$bad" ]; then
	echo "C-05: rule code reads the clock: $bad"
	exit 1
fi
echo "C-05: $(echo "$objs" | wc -w) rules objects reference no clock function"
