{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Pay After Use}}</h1>
{{#NOTICE}}<p class="notice" role="status" id="pau-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error" role="alert" id="pau-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ Orders paid with Pay After Use are placed for 0 (PAU-03). The price is
deducted from the card bound below when you confirm receipt on}}
<a href="/orders">{{_ My Orders}}</a>{{_ , or automatically {AUTO_DAYS} after
delivery. If the deduction fails, the amount stays due like an installment
(PAU-04): we retry up to {RETRIES} times a day, a late fee of
{LATE_RATE}% a day runs from the day after, and more than {SUSPEND_DAYS}
overdue suspends installment access. Returning the goods before you
confirm receipt costs nothing (PAU-05).}}</p>

<section id="pau-card" aria-labelledby="pau-card-h">
<h2 id="pau-card-h">{{_ Payment method}}</h2>
{{#CARD}}<p id="pau-bound-card">{{_ Bound card:}} <strong>{{_ {BRAND} ending {LAST4}}}</strong> {{_ (since {SINCE}).}}</p>{{/CARD}}
{{#NO_CARD}}<p id="pau-no-card">{{_ No card is bound yet: bind one before your Pay After Use orders are delivered.}}</p>{{/NO_CARD}}
<form method="post" action="/pay-after-use/card" id="pau-card-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	{{#CARD_ERROR}}<p class="error field-error" role="alert" id="pau-card-error">{{MSG}}</p>{{/CARD_ERROR}}
	<p class="field-note">{{_ You enter the card on Harbor Bank's own secure page, which checks it (European cards confirm a one-time code there): the mall never sees the number or the code, and keeps only its brand, last four digits and the bank's token.}}</p>
	<button type="submit" id="pau-card-to-bank">{{#CARD}}{{_ Replace card at the bank}}{{/CARD}}{{#NO_CARD}}{{_ Bind a card at the bank}}{{/NO_CARD}}</button>
</form>
</section>

<section id="pau-charges" aria-labelledby="pau-charges-h">
<h2 id="pau-charges-h">{{_ Charges}}</h2>
{{#NO_CHARGES}}<p class="empty-state" id="pau-no-charges">{{_ Nothing charged yet.}}</p>{{/NO_CHARGES}}
<ul class="pau-charges">
{{#CHARGE}}
	<li id="pau-charge-{{ORDER}}" data-status="{{STATUS}}">
		<a href="/orders/{{ORDER}}">{{_ Order #{ORDER}}}</a>{{_ : {AMOUNT}, due {DUE}.}}
		{{#PAID}}<strong>{{_ Paid}}</strong> {{_ {PAID_AMOUNT} on {PAID_AT} (card ending {LAST4}).}}{{/PAID}}
		{{#OPEN}}<strong class="error">{{_ Overdue}}</strong>{{_ : the deduction failed ({REASON}), {ATTEMPTS} attempt(s).
		Late fee {LATE_FEE}; due now}} <span class="pau-total">{{TOTAL}}</span>.
		{{#SUSPENDED}}{{_ Installment access is suspended (INST-F2).}}{{/SUSPENDED}}
		<form method="post" action="/orders/{{ORDER}}/pau-pay">
			<input type="hidden" name="csrf" value="{{CSRF}}">
			<button type="submit">{{_ Pay {TOTAL} now}}</button>
		</form>{{/OPEN}}
	</li>
{{/CHARGE}}
</ul>
</section>
