{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
{{#FIRST}}<h1>{{_ Pay order #{ID} in installments by card}}</h1>
<p>{{_ Amount:}} <strong id="card-amount">{{AMOUNT}}</strong> {{_ over {TERM} months with {INSTITUTION}. The issuing bank reviews the card at once (INST-CC).}}</p>{{/FIRST}}
{{#REBIND}}<h1>{{_ Repay order #{ID} from another card}}</h1>
<p>{{_ The bank reviews the new card for what is left of the plan; from then on installments are deducted from it (INST-P3).}}</p>{{/REBIND}}
{{#ERROR}}<p class="error-summary" role="alert" id="card-error">{{MSG}}</p>{{/ERROR}}
{{#DECLINED}}
<div class="error-summary" role="alert" id="card-declined">
	<p>{{_ The bank declined the installment on your {BRAND} card ending {LAST4}:}} <strong id="decline-reason">{{REASON}}</strong>.</p>
	<p>{{_ Try another card below, or cancel this order on the}} <a href="/orders/{{ID}}">{{_ order page}}</a> {{_ to choose another payment method.}}</p>
</div>
{{/DECLINED}}
{{#CS_DECLINED}}<p class="error-summary" role="alert" id="card-cs-declined">{{_ The bank did not accept the card:}} <strong id="cs-reason">{{REASON}}</strong>{{_ . Nothing was charged; you can try again or use another card.}}</p>{{/CS_DECLINED}}
<form method="post" action="/orders/{{ID}}/card" id="card-form" class="plan-card">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p class="field-note">{{_ You enter the card on Harbor Bank's own secure page: the mall never sees the card number or the security code. European cards confirm a one-time code there (3-D Secure). The mall keeps only the brand, the last four digits and the bank's token, encrypted (INST-S1); then you come back here.}}</p>
	<button type="submit" id="card-to-bank">{{_ Continue to the bank's secure page}}</button>
</form>
<p><a href="/orders/{{ID}}">{{_ Back to the order}}</a></p>
