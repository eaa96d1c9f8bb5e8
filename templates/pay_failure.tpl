{{%AUTOESCAPE context="HTML"}}
<section class="pay-failure" id="pay-failure" aria-labelledby="pay-failure-h">
{{#DOWN}}
<div class="error-summary" role="alert">
<h2 id="pay-failure-h">{{_ The down payment was not taken}}</h2>
<p id="pay-failure-what">{{_ The down payment of}} <strong>{{AMOUNT}}</strong>{{#CARD}} {{_ from your {BRAND} card ending {LAST4}}}{{/CARD}} {{_ failed on {AT}}}{{#TRIES}} {{_ ({N} tries)}}{{/TRIES}}. {{WORDS}} <strong>{{_ Nothing was charged.}}</strong> {{_ The order waits for its down payment and ships once it is paid.}}</p>
</div>
<h3>{{_ What you can do}}</h3>
<form method="post" action="/orders/{{ID}}/card" id="pay-other-card" class="plan-card">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p><strong>{{_ Pay the down payment with another card.}}</strong> {{_ You enter it on the bank's secure page, which reviews it at once; back here, confirm to pay {AMOUNT} from it. Later installments are deducted from it too.}}</p>
	<button type="submit" id="pay-other-card-button">{{_ Use another card at the bank}}</button>
</form>
{{#SAME_CARD}}<p><a class="button secondary" href="/orders/{{ID}}/confirm" id="pay-same-card">{{_ Try the same card again}}</a></p>{{/SAME_CARD}}
<form method="post" action="/orders/{{ID}}/cancel" id="pay-failure-cancel">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p>{{_ Or cancel the order: nothing was charged, so there is nothing to refund.}}</p>
	<button type="submit" class="secondary">{{_ Cancel this order}}</button>
</form>
{{/DOWN}}
{{#DEDUCTION}}
<div class="error-summary" role="alert">
<h2 id="pay-failure-h">{{_ Installment {SEQ} was not deducted}}</h2>
<p id="pay-failure-what">{{_ The automatic deduction of installment {SEQ} (}}<strong>{{AMOUNT}}</strong>){{#CARD}} {{_ from your {BRAND} card ending {LAST4}}}{{/CARD}} {{_ failed on {AT}}}{{#TRIES}} {{_ ({N} tries)}}{{/TRIES}}. {{WORDS}} <strong>{{_ Nothing was charged.}}</strong> {{_ We try the card again every day; from the day after the due date a late fee accrues.}}</p>
</div>
<h3>{{_ What you can do}}</h3>
<p><a class="button" href="/orders/{{ID}}/schedule" id="repay-now">{{_ Repay installment {SEQ} now}}</a> <a class="button secondary" href="/orders/{{ID}}/card" id="use-other-card">{{_ Use another card}}</a></p>
{{/DEDUCTION}}
{{#PAU}}
<div class="error-summary" role="alert">
<h2 id="pay-failure-h">{{_ The Pay After Use payment failed}}</h2>
<p id="pay-failure-what">{{_ We could not deduct}} <strong>{{AMOUNT}}</strong>{{#CARD}} {{_ from your card ending {LAST4}}}{{/CARD}} ({{_ last try {AT}}}{{#TRIES}}{{_ , {N} tries}}{{/TRIES}}). {{WORDS}} <strong>{{_ Nothing was charged.}}</strong> {{_ The amount is overdue: we try again every day and a late fee runs until it is paid.}}</p>
</div>
<h3>{{_ What you can do}}</h3>
<p><a class="button" href="/pay-after-use" id="pau-pay-now">{{_ Pay now or use another card}}</a></p>
{{/PAU}}
</section>
