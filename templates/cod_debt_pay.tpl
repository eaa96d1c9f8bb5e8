{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Pay what you owe for order #{ORDER}}}</h1>
<p id="debt-desc">{{DESC}}</p>
<p>{{_ Amount owed:}} <strong id="debt-amount">{{AMOUNT}}</strong></p>
{{#PAID}}<p class="notice" role="status" id="debt-paid">{{_ Thank you: the bank charged your card. Nothing more is owed for this order.}}</p>{{/PAID}}
{{#SETTLED}}<p id="debt-settled">{{_ Paid by card on {AT}. Nothing more is owed for this order.}}</p>{{/SETTLED}}
{{#FORM}}{{#CS_DECLINED}}<p class="error-summary" role="alert" id="debt-declined">{{_ The bank did not take the payment:}} <strong id="debt-decline-reason">{{REASON}}</strong>{{_ . Nothing was charged; you can try again or use another card.}}</p>{{/CS_DECLINED}}
{{#ERROR}}<p class="error-summary" role="alert" id="debt-error">{{MSG}}</p>{{/ERROR}}
<form method="post" action="/account/cod/debts/{{ID}}/pay" id="debt-pay-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p class="field-note">{{_ You enter the card on Harbor Bank's own secure page: the mall never sees the card number or the security code. European cards confirm a one-time code there (3-D Secure). The bank charges {AMOUNT} once, however many times you try; then you come back here.}}</p>
	<button type="submit" id="debt-pay-button">{{_ Pay {AMOUNT} on the bank's secure page}}</button>
</form>{{/FORM}}
<p><a href="/account/cod">{{_ Back to cash on delivery}}</a></p>
