{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
<h1>{{_ Your installment plan for order #{ID}}}</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="confirm-error">{{MSG}}</p>{{/ERROR}}
{{>PAY_FAILURE}}
<section aria-labelledby="disc-h" id="disclosure">
<h2 id="disc-h">{{_ What you agree to}}</h2>
<dl class="amounts">
	<dt>{{_ Institution}}</dt><dd>{{INSTITUTION}}</dd>
	<dt>{{_ Installments}}</dt><dd id="disc-n">{{N}}</dd>
	<dt>{{_ Amount financed}}</dt><dd id="disc-principal">{{PRINCIPAL}}</dd>
	<dt>{{_ Monthly handling-fee rate}}</dt><dd id="disc-rate">{{RATE}}</dd>
	<dt>{{_ Handling fee}}</dt><dd>{{_ {MONTHLY_FEE} a month, {FEE_MODE}}}</dd>
	<dt>{{_ Total handling fee}}</dt><dd id="disc-fee">{{TOTAL_FEE}}</dd>
	<dt>{{_ Total cost}}</dt><dd id="disc-total">{{TOTAL_COST}}</dd>
	<dt>{{_ Annual percentage rate (APR, actuarial)}}</dt><dd id="disc-apr">{{APR}}%</dd>
</dl>
<table class="responsive plan-table">
	<caption>{{_ Installments and due dates}}</caption>
	<thead><tr><th scope="col">#</th><th scope="col">{{_ Due}}</th><th scope="col" class="num">{{_ Principal}}</th><th scope="col" class="num">{{_ Fee}}</th><th scope="col" class="num">{{_ Total}}</th></tr></thead>
	<tbody>
	{{#INST}}<tr><td data-label="#">{{SEQ}}</td><td data-label="{{_ Due}}">{{DUE}}{{#NOW}} {{_ (today: the down payment)}}{{/NOW}}</td><td data-label="{{_ Principal}}" class="num">{{PRINCIPAL}}</td><td data-label="{{_ Fee}}" class="num">{{FEE}}</td><td data-label="{{_ Total}}" class="num">{{TOTAL}}</td></tr>{{/INST}}
	</tbody>
</table>
<p id="late-rule">{{LATE_RULE}}</p>
<p id="early-rule">{{EARLY_RULE}}</p>
</section>
<form method="post" action="/orders/{{ID}}/confirm" id="confirm-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<p>{{_ Down payment now (the first installment}}{{#CARD}}{{_ , deducted from your {BRAND} card ending {LAST4}}}{{/CARD}}{{#NO_CARD}}{{_ , collected by the institution}}{{/NO_CARD}}): <strong id="down-payment">{{DOWN}}</strong> {{_ (INST-P1).}}</p>
	<button type="submit" id="confirm-button">{{_ Confirm Installment and Pay Down Payment}}</button>
</form>
<p><a href="/orders/{{ID}}">{{_ Back to the order}}</a></p>
