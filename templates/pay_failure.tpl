{{%AUTOESCAPE context="HTML"}}
<section class="pay-failure" id="pay-failure" aria-labelledby="pay-failure-h">
{{#DOWN}}
<div class="error-summary" role="alert">
<h2 id="pay-failure-h">The down payment was not taken</h2>
<p id="pay-failure-what">The down payment of <strong>{{AMOUNT}}</strong>{{#CARD}} from your {{BRAND}} card ending {{LAST4}}{{/CARD}} failed on {{AT}}{{#TRIES}} ({{N}} tries){{/TRIES}}. {{WORDS}} <strong>Nothing was charged.</strong> The order waits for its down payment and ships once it is paid.</p>
</div>
<h3>What you can do</h3>
<form method="post" action="/orders/{{ID}}/confirm" id="pay-other-card" autocomplete="off" class="plan-card">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<p><strong>Pay the down payment with another card.</strong> The bank reviews the new card at once; if it approves, the down payment is deducted from it and later installments too.</p>
	<p><label for="card_number">Card number (Visa, Mastercard or UnionPay)</label>
	<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" maxlength="23" required></p>
	<p><label for="expiry">Expiry (MM/YY)</label>
	<input type="text" id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7" required></p>
	<p><label for="cvv">Security code (CVV)</label>
	<input type="password" id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required></p>
	<button type="submit" id="pay-other-card-button">Pay {{AMOUNT}} with this card</button>
</form>
{{#SAME_CARD}}<p><a class="button secondary" href="/orders/{{ID}}/confirm" id="pay-same-card">Try the same card again</a></p>{{/SAME_CARD}}
<form method="post" action="/orders/{{ID}}/cancel" id="pay-failure-cancel">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p>Or cancel the order: nothing was charged, so there is nothing to refund.</p>
	<button type="submit" class="secondary">Cancel this order</button>
</form>
{{/DOWN}}
{{#DEDUCTION}}
<div class="error-summary" role="alert">
<h2 id="pay-failure-h">Installment {{SEQ}} was not deducted</h2>
<p id="pay-failure-what">The automatic deduction of installment {{SEQ}} (<strong>{{AMOUNT}}</strong>){{#CARD}} from your {{BRAND}} card ending {{LAST4}}{{/CARD}} failed on {{AT}}{{#TRIES}} ({{N}} tries){{/TRIES}}. {{WORDS}} <strong>Nothing was charged.</strong> We try the card again every day; from the day after the due date a late fee accrues.</p>
</div>
<h3>What you can do</h3>
<p><a class="button" href="/orders/{{ID}}/schedule" id="repay-now">Repay installment {{SEQ}} now</a> <a class="button secondary" href="/orders/{{ID}}/card" id="use-other-card">Use another card</a></p>
{{/DEDUCTION}}
{{#PAU}}
<div class="error-summary" role="alert">
<h2 id="pay-failure-h">The Pay After Use payment failed</h2>
<p id="pay-failure-what">We could not deduct <strong>{{AMOUNT}}</strong>{{#CARD}} from your card ending {{LAST4}}{{/CARD}} (last try {{AT}}{{#TRIES}}, {{N}} tries{{/TRIES}}). {{WORDS}} <strong>Nothing was charged.</strong> The amount is overdue: we try again every day and a late fee runs until it is paid.</p>
</div>
<h3>What you can do</h3>
<p><a class="button" href="/pay-after-use" id="pau-pay-now">Pay now or use another card</a></p>
{{/PAU}}
</section>
