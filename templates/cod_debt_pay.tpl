{{%AUTOESCAPE context="HTML"}}
<h1>Pay what you owe for order #{{ORDER}}</h1>
<p id="debt-desc">{{DESC}}</p>
<p>Amount owed: <strong id="debt-amount">{{AMOUNT}}</strong></p>
{{#SETTLED}}<p id="debt-settled">Paid by card on {{AT}}. Nothing more is owed for this order.</p>{{/SETTLED}}
{{#FORM}}<form method="post" action="/account/cod/debts/{{ID}}/pay" id="debt-pay-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<p><label for="card_number">Card number</label>
	<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" maxlength="32" required aria-describedby="card-error"></p>
	<p><label for="expiry">Expiry (MM/YY)</label>
	<input id="expiry" name="expiry" autocomplete="cc-exp" maxlength="7" required></p>
	<p><label for="cvv">Security code (CVV)</label>
	<input id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required></p>
	{{#CARD_ERR}}<p class="field-error" id="card-error" role="alert">{{MSG}}</p>{{/CARD_ERR}}
	<button type="submit" id="debt-pay-button">Pay {{AMOUNT}} by card</button>
</form>{{/FORM}}
<p><a href="/account/cod">Back to cash on delivery</a></p>
