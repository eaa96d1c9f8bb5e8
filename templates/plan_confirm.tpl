{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
<h1>Your installment plan for order #{{ID}}</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="confirm-error">{{MSG}}</p>{{/ERROR}}
{{>PAY_FAILURE}}
<section aria-labelledby="disc-h" id="disclosure">
<h2 id="disc-h">What you agree to</h2>
<dl class="amounts">
	<dt>Institution</dt><dd>{{INSTITUTION}}</dd>
	<dt>Installments</dt><dd id="disc-n">{{N}}</dd>
	<dt>Amount financed</dt><dd id="disc-principal">{{PRINCIPAL}}</dd>
	<dt>Monthly handling-fee rate</dt><dd id="disc-rate">{{RATE}}</dd>
	<dt>Handling fee</dt><dd>{{MONTHLY_FEE}} a month, {{FEE_MODE}}</dd>
	<dt>Total handling fee</dt><dd id="disc-fee">{{TOTAL_FEE}}</dd>
	<dt>Total cost</dt><dd id="disc-total">{{TOTAL_COST}}</dd>
	<dt>Annual percentage rate (APR, actuarial)</dt><dd id="disc-apr">{{APR}}%</dd>
</dl>
<table class="responsive plan-table">
	<caption>Installments and due dates</caption>
	<thead><tr><th scope="col">#</th><th scope="col">Due</th><th scope="col" class="num">Principal</th><th scope="col" class="num">Fee</th><th scope="col" class="num">Total</th></tr></thead>
	<tbody>
	{{#INST}}<tr><td data-label="#">{{SEQ}}</td><td data-label="Due">{{DUE}}{{#NOW}} (today: the down payment){{/NOW}}</td><td data-label="Principal" class="num">{{PRINCIPAL}}</td><td data-label="Fee" class="num">{{FEE}}</td><td data-label="Total" class="num">{{TOTAL}}</td></tr>{{/INST}}
	</tbody>
</table>
<p id="late-rule">{{LATE_RULE}}</p>
<p id="early-rule">{{EARLY_RULE}}</p>
</section>
<form method="post" action="/orders/{{ID}}/confirm" id="confirm-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<p>Down payment now (the first installment{{#CARD}}, deducted from your {{BRAND}} card ending {{LAST4}}{{/CARD}}{{#NO_CARD}}, collected by the institution{{/NO_CARD}}): <strong id="down-payment">{{DOWN}}</strong> (INST-P1).</p>
	<button type="submit" id="confirm-button">Confirm Installment and Pay Down Payment</button>
</form>
<p><a href="/orders/{{ID}}">Back to the order</a></p>
