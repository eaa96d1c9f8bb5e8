{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
{{#FIRST}}<h1>Pay order #{{ID}} in installments by card</h1>
<p>Amount: <strong id="card-amount">{{AMOUNT}}</strong> over {{TERM}} months with {{INSTITUTION}}. The issuing bank reviews the card at once (INST-CC).</p>{{/FIRST}}
{{#REBIND}}<h1>Repay order #{{ID}} from another card</h1>
<p>The bank reviews the new card for what is left of the plan; from then on installments are deducted from it (INST-P3).</p>{{/REBIND}}
{{#ERROR}}<p class="error-summary" role="alert" id="card-error">{{MSG}}</p>{{/ERROR}}
{{#DECLINED}}
<div class="error-summary" role="alert" id="card-declined">
	<p>The bank declined the installment on your {{BRAND}} card ending {{LAST4}}: <strong id="decline-reason">{{REASON}}</strong>.</p>
	<p>Try another card below, or cancel this order on the <a href="/orders/{{ID}}">order page</a> to choose another payment method.</p>
</div>
{{/DECLINED}}
<form method="post" action="/orders/{{ID}}/card" id="card-form" autocomplete="off" class="plan-card">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p>
		<label for="card_number">Card number (Visa, Mastercard or UnionPay)</label>
		<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" maxlength="23" required>
	</p>
	<p>
		<label for="expiry">Expiry (MM/YY)</label>
		<input type="text" id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7" required>
	</p>
	<p>
		<label for="cvv">Security code (CVV)</label>
		<input type="password" id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required>
	</p>
	<p class="field-note">The card number and security code go to the bank and are never stored by the mall: we keep only the brand, the last four digits and the bank's token, encrypted (INST-S1).</p>
	<button type="submit">Submit to the bank</button>
</form>
<p><a href="/orders/{{ID}}">Back to the order</a></p>
