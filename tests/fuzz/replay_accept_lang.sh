#!/bin/sh
# Replay the seed corpus and the regression crashers of one harness
# (tests/fuzz/fuzz_NAME.c) without libFuzzer; NAME comes from this script's
# name (replay_form.sh -> form). Sanitizers judge in an --enable-asan build.
# top_srcdir/top_builddir come from AM_TESTS_ENVIRONMENT.
set -e
name=$(basename "$0" .sh)
name=${name#replay_}
src=${top_srcdir:-$(dirname "$0")/../..}
bld=${top_builddir:-.}
test -n "$(ls "$src/tests/fuzz/corpus/$name")" || { echo "empty corpus $name"; exit 1; }
exec "$bld/tests/fuzz/replay_$name" "$src/tests/fuzz/corpus/$name" \
	"$src/tests/fuzz/regression" "$src/tests/fuzz/regression/$name"
