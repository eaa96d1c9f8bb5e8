# shellcheck shell=bash
# Helpers shared by tests/long/faults.sh and tests/long/soak.sh (sourced,
# bash). Loopback only; every loop is bounded.

# long_csrf JAR URL: the csrf hidden field of the page at URL, fetched with
# the cookie jar JAR (updated).
long_csrf() {
	curl -s --max-time 20 -c "$1" -b "$1" "$2" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}

# long_register BASE EMAIL JAR: register a shopper through /register (which
# signs it in); prints "mp_session=VALUE CSRF" or nothing on failure.
long_register() {
	local base=$1 email=$2 jar=$3 tok code sess
	tok=$(long_csrf "$jar" "$base/register")
	[ -n "$tok" ] || return 1
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -c "$jar" -b "$jar" \
	    --data-urlencode "csrf=$tok" --data-urlencode "email=$email" \
	    --data-urlencode "name=Long Tester" --data-urlencode "password=correct horse battery" \
	    --data-urlencode "confirm=correct horse battery" "$base/register")
	[ "$code" = 303 ] || return 1
	sess=$(awk '$6 == "mp_session" { print $7 }' "$jar" | tail -n 1)
	[ -n "$sess" ] || return 1
	# Checkout needs a delivery address: a default one in Malaysia.
	tok=$(long_csrf "$jar" "$base/account/addresses")
	[ -n "$tok" ] || return 1
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -c "$jar" -b "$jar" \
	    --data-urlencode "csrf=$tok" --data-urlencode "recipient=Long Tester" \
	    --data-urlencode "line1=1 Jalan Panjang" --data-urlencode "city=Kuala Lumpur" \
	    --data-urlencode "postal_code=50450" --data-urlencode "country=MY" \
	    --data-urlencode "phone=+60 12-000 0001" "$base/account/addresses")
	[ "$code" = 303 ] || return 1
	tok=$(long_csrf "$jar" "$base/cart")
	[ -n "$tok" ] || return 1
	echo "mp_session=$sess $tok"
}

# long_shoppers BASE N OUT TAG: register N fresh shoppers (4 at a time) and
# write one "COOKIE CSRF EMAIL" line each to OUT. Returns 1 unless all N
# were made.
long_shoppers() {
	local base=$1 n=$2 out=$3 tag=$4 i dir line
	dir=$(mktemp -d "${TMPDIR:-/tmp}/mallpay-shoppers.XXXXXX")
	for i in $(seq "$n"); do
		(
			line=$(long_register "$base" "$tag-$i@long.test" "$dir/jar.$i") || exit 0
			[ -n "$line" ] && echo "$line $tag-$i@long.test" > "$dir/line.$i"
		) &
		[ $((i % 4)) -eq 0 ] && wait
	done
	wait
	cat "$dir"/line.* > "$out" 2>/dev/null || : > "$out"
	rm -rf "$dir"
	[ "$(wc -l < "$out")" -eq "$n" ]
}

# long_rss PID: VmRSS of PID in kB (empty when it is gone).
long_rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

# long_sanitizer_reports FILE...: count the sanitizer reports in logs.
long_sanitizer_reports() {
	cat "$@" 2>/dev/null | grep -cE '^(==[0-9]+==ERROR: (Address|Leak|Memory|Thread)Sanitizer|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer)|runtime error:' || true
}

# long_plan BASE COOKIE CSRF PRODUCT: place an order of PRODUCT with a
# 6-month Harbor Bank card plan for the signed-in shopper (who must be
# eligible: verified, scored), give the test card and confirm the plan;
# prints the order id (its /orders/ID/schedule exists), nothing on failure.
long_plan() {
	local base=$1 cookie=$2 tok=$3 prod=$4 plan=installment_card:harbor-bank:6 r oid key
	r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: $cookie" \
	    --data "csrf=$tok&product_id=$prod&qty=1" "$base/cart/add")
	[ "$r" = 303 ] || return 1
	r=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 30 -H "Cookie: $cookie" \
	    --data "csrf=$tok&key=plan-$$-$RANDOM$RANDOM&country=MY&pay=$plan&disclosed=$plan" "$base/checkout/place")
	oid=$(echo "$r" | sed -n 's|^303 .*/orders/\([0-9]*\)/.*|\1|p')
	[ -n "$oid" ] || return 1
	# The card is typed on the bank's hosted page (its own origin); the
	# bank sends the browser back to the mall's return URL.
	local bank back
	bank=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 30 -H "Cookie: $cookie" \
	    --data "csrf=$tok" "$base/orders/$oid/card")
	[ "${bank%% *}" = 303 ] || return 1
	back=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 30 \
	    --data "card_number=4111111111111111&expiry=12/39&cvv=123" "${bank#* }")
	[ "${back%% *}" = 303 ] || return 1
	r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: $cookie" "${back#* }")
	[ "$r" = 303 ] || return 1
	key=$(curl -s --max-time 30 -H "Cookie: $cookie" "$base/orders/$oid/confirm" |
	    sed -n 's/.*name="key" value="\([^"]*\)".*/\1/p' | head -n 1)
	[ -n "$key" ] || return 1
	r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: $cookie" \
	    --data "csrf=$tok&key=$key" "$base/orders/$oid/confirm")
	[ "$r" = 303 ] || return 1
	r=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: $cookie" "$base/orders/$oid/schedule")
	[ "$r" = 200 ] || return 1
	echo "$oid"
}
