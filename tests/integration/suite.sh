#!/usr/bin/env bash
# Integration and browser tests: start a private stack (MariaDB, mallpayd, nginx) in a
# temporary directory on a free port, run every tests/integration/test_* program and
# every tests/e2e/*.mjs script (but lib.mjs, corp_lib.mjs: their helpers) against it,
# stop it, and fail if any test failed or any sanitizer reported in mallpayd's log. Run by
# `make check` (top_builddir and top_srcdir come from the Makefile).
set -uo pipefail

src=${top_srcdir:?}
build=${top_builddir:?}
tmp=$(mktemp -d /tmp/mallpay-test.XXXXXX)
failed=0

# A free TCP port on 127.0.0.1, starting from a random one.
free_port() {
	local p=$((20000 + RANDOM % 20000))
	while ss -Htln "sport = :$p" | grep -q .; do p=$((p + 1)); done
	echo "$p"
}

cleanup() {
	"$src/scripts/stack.sh" stop "$tmp/stack" > /dev/null 2>&1 || true
	if [ "$failed" -eq 0 ] && [ -z "${MALLPAY_KEEP_TEST_DIR:-}" ]; then
		rm -rf "$tmp"
	else
		echo "suite: test directory kept: $tmp"
	fi
}
trap cleanup EXIT

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The PDF libraries keep one-off caches for the process's life (tests/lsan.supp).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp:print_suppressions=0}
# Sign-in is throttled by nginx; the tests sign in many times in a row.
export MALLPAY_SIGNIN_RATE=100r/s MALLPAY_SIGNIN_BURST=200
# The tests sign the demo admin in many times a minute, each time with the code of
# the current 30-second step: the stack accepts a code again within its step
# (tests/long and `./mallpay up` keep the guard; tests/unit/rules/test_totp covers it).
export MALLPAY_TOTP_REPLAY_GUARD=0
# The tests run tick themselves, at the times they choose: no scheduler process.
export MALLPAY_SCHEDULER=0
# The finance sandbox answers 20 s after a submission instead of 90, so that a
# browser test can wait for the scheduler to bring the answer; still long enough
# for the tests that see an application pending right after submitting it.
export MALLPAY_FINANCE_DELAY=20
# Another program may take the free port before nginx binds it: try again on another
# (the database and mallpayd already started are reused).
started=0
for attempt in 1 2 3; do
	port=$(free_port)
	# The sandbox bank's own origin (bankd behind its own server block).
	bport=$(free_port)
	[ "$bport" = "$port" ] && bport=$((port + 1))
	export MALLPAY_BANK_PORT=$bport
	echo "suite: starting a private stack in $tmp on port $port (the bank on $bport)"
	if "$src/scripts/stack.sh" start "$tmp/stack" "$port" "$build"; then
		started=1
		break
	fi
	echo "suite: the stack did not start (attempt $attempt)"
done
if [ "$started" -ne 1 ]; then
	failed=1
	tail -n 50 "$tmp"/stack/log/*.log
	exit 1
fi

export MALLPAY_TEST_URL="http://127.0.0.1:$port"
MALLPAY_BANK_URL=$(sed -n 's|^url = ||p' "$tmp/stack/mallpay.conf" | head -n 1)
export MALLPAY_BANK_URL
export MALLPAY_CONF="$tmp/stack/mallpay.conf"
export MALLPAY_CTL="$build/mallpayctl"
# The catalogues the build compiled, for mallpayctl's messages (core/i18n.h).
export MALLPAY_LOCALE_DIR="$(cd "$build" && pwd)/locale"
export MALLPAY_SQL_DIR="$src/sql"
export MALLPAY_TEST_DIR="$tmp"
export MALLPAY_SCREENSHOT_DIR="$build/tests/e2e"
mkdir -p "$MALLPAY_SCREENSHOT_DIR"

# MALLPAY_TESTS narrows the run to the programs and scripts whose names match one of its
# shell patterns (e.g. MALLPAY_TESTS="test_cod* cod.mjs"; "none" runs none of them).
selected() {
	[ -z "${MALLPAY_TESTS:-}" ] && return 0
	local p
	for p in $MALLPAY_TESTS; do
		# shellcheck disable=SC2053
		[[ $1 == $p ]] && return 0
	done
	return 1
}

for t in "$build"/tests/integration/test_*; do
	[ -x "$t" ] || continue
	selected "$(basename "$t")" || continue
	echo "suite: running $(basename "$t")"
	# Leak checking is for mallpayd (checked in its log below), not for the test clients.
	if ! ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 "$t"; then
		echo "suite: FAILED $(basename "$t")"
		failed=1
	fi
done

if [ -d "$src/tests/e2e/node_modules/playwright-core" ]; then
	for t in "$src"/tests/e2e/*.mjs; do
		[ -f "$t" ] || continue
		case "$(basename "$t")" in *lib.mjs) continue ;; esac	# the scripts' helpers
		selected "$(basename "$t")" || continue
		echo "suite: running $(basename "$t")"
		if ! node "$t"; then
			echo "suite: FAILED $(basename "$t")"
			failed=1
		fi
	done
else
	echo "suite: FAILED: tests/e2e/node_modules is missing (run npm ci in tests/e2e)"
	failed=1
fi

# Stop the stack now so that mallpayd's exit (and LeakSanitizer) is part of the result.
"$src/scripts/stack.sh" stop "$tmp/stack"
if grep -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$tmp/stack/log/mallpayd.log" \
    "$tmp/stack/log/bankd.log"; then
	echo "suite: FAILED: a sanitizer reported in mallpayd (log: $tmp/stack/log/mallpayd.log)"
	failed=1
fi
if ! grep -q 'stopped cleanly' "$tmp/stack/log/mallpayd.log"; then
	echo "suite: FAILED: mallpayd did not report a clean stop on SIGTERM"
	tail -n 20 "$tmp/stack/log/mallpayd.log"
	failed=1
fi
exit "$failed"
