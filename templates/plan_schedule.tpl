{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
<h1>Repayment schedule: order #{{ID}}</h1>
{{#NOTICE}}<p class="notice" role="status" id="schedule-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="schedule-error">{{MSG}}</p>{{/ERROR}}
<p>Plan with {{INSTITUTION}} from {{START}}: <strong id="plan-state">{{PLAN_STATE}}</strong>{{#CARD}}, repaid from {{BRAND}} ending {{LAST4}} by automatic deduction on each due date{{/CARD}}.</p>
{{#OVERDUE}}<p class="error-summary" id="overdue-note">{{COUNT}} overdue: a late fee accrues every day until paid (INST-F1).</p>{{/OVERDUE}}
<dl class="amounts" id="schedule-totals">
	<dt>Paid so far</dt><dd id="total-paid">{{PAID_TOTAL}}</dd>
	<dt>Remaining (with late fees)</dt><dd id="total-remaining">{{REMAINING}}</dd>
	<dt>Late fees</dt><dd id="total-late">{{LATE_TOTAL}}</dd>
	<dt>APR</dt><dd id="schedule-apr">{{APR}}%</dd>
</dl>
{{#REFUND}}<p id="plan-refund">Plan terminated: refund of <strong>{{AMOUNT}}</strong> due by {{DUE}}; nothing further is due.</p>{{/REFUND}}
{{#CHART}}
<figure class="plan-chart">
<svg id="schedule-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{W}} {{H}}" role="img" aria-labelledby="chart-title" aria-describedby="chart-caption">
	<title id="chart-title">Installments (bars: principal, fee, late fee) and the remaining balance (line)</title>
	<line class="axis" x1="{{X0}}" y1="{{Y0}}" x2="{{XR}}" y2="{{Y0}}"/>
	<line class="axis" x1="{{X0}}" y1="{{YT}}" x2="{{X0}}" y2="{{Y0}}"/>
	<text class="label" x="4" y="{{YT}}" dy="8">{{MAX}}</text>
	{{#BAR}}<g class="bar {{CLASS}}"><title>{{TITLE}}</title>
	<rect class="principal" x="{{X}}" y="{{PY}}" width="{{W}}" height="{{PH}}"/>
	<rect class="fee" x="{{X}}" y="{{FY}}" width="{{W}}" height="{{FH}}"/>
	<rect class="late" x="{{X}}" y="{{LY}}" width="{{W}}" height="{{LH}}"/>
	<text class="label" x="{{TX}}" y="{{TY}}" text-anchor="middle">{{SEQ}}</text></g>{{/BAR}}
	<polyline class="balance" points="{{POINTS}}"/>
</svg>
<figcaption id="chart-caption">Bars: each installment (principal, fee, late fee; paid, due or overdue). Line: balance left after each installment, from {{TOTAL}}.</figcaption>
</figure>
{{/CHART}}
<table class="responsive plan-table" id="schedule-table">
	<thead><tr><th scope="col">#</th><th scope="col">Due</th><th scope="col" class="num">Principal</th><th scope="col" class="num">Fee</th><th scope="col" class="num">Late fee</th><th scope="col" class="num">Total</th><th scope="col">Status</th><th scope="col" class="num">Balance after</th></tr></thead>
	<tbody>
	{{#INST}}<tr class="inst-{{STATE}}" data-seq="{{SEQ}}"><td data-label="#">{{SEQ}}</td><td data-label="Due">{{DUE}}</td><td data-label="Principal" class="num">{{PRINCIPAL}}</td><td data-label="Fee" class="num">{{FEE}}{{#FEE_WAIVED}} (waived){{/FEE_WAIVED}}</td><td data-label="Late fee" class="num late-fee">{{LATE}}</td><td data-label="Total" class="num">{{TOTAL}}</td><td data-label="Status" class="inst-state">{{STATE}}{{#DAYS_LATE}} ({{DAYS}}){{/DAYS_LATE}}{{#PART}}<span class="inst-part">: {{PAID}} paid, {{LEFT}} remains</span>{{/PART}}</td><td data-label="Balance after" class="num">{{BALANCE}}</td></tr>{{/INST}}
	</tbody>
</table>
{{#TRANSFER}}
<section aria-labelledby="transfer-h" id="corp-transfer">
<h2 id="transfer-h">How to repay: bank transfer</h2>
<p>Due now: <strong id="corp-now-due">{{NOW_DUE}}</strong> · next: installment {{SEQ}}, <strong id="corp-next">{{NEXT}}</strong> by {{NEXT_DUE}}.</p>
<dl class="amounts" id="corp-payee">
	<dt>Pay to</dt><dd id="payee-name">{{PAYEE}}</dd>
	<dt>Bank</dt><dd id="payee-bank">{{BANK}}</dd>
	<dt>Account</dt><dd id="payee-account">{{ACCOUNT}}</dd>
	<dt>Reference to quote</dt><dd><strong id="payee-ref">{{REF}}</strong></dd>
</dl>
<p class="field-note">The mall records each transfer when it arrives (INST-P3): it pays the oldest installments first; anything more is kept as your company's credit.</p>
</section>
{{/TRANSFER}}
{{#PAY}}
<form method="post" action="/orders/{{ID}}/pay" id="pay-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<input type="hidden" name="seq" value="{{SEQ}}">
	<button type="submit" id="pay-button">Repay installment {{SEQ}} now: {{AMOUNT}}</button>
</form>
{{/PAY}}
{{#PAYOFF}}<p><a class="button secondary" id="payoff-link" href="/orders/{{ID}}/payoff">Repay everything early (INST-F3)</a></p>{{/PAYOFF}}
{{#REBIND}}<p><a href="/orders/{{ID}}/card" id="rebind-link">Repay from another card</a></p>{{/REBIND}}
<section aria-labelledby="rules-h">
<h2 id="rules-h">Rules of this plan</h2>
<p>{{N}} installments at {{RATE}} a month ({{FEE_MODE}}); total handling fee {{TOTAL_FEE}}, total cost {{TOTAL_COST}}, APR {{APR}}%.</p>
<p>{{LATE_RULE}}</p>
<p>{{EARLY_RULE}}</p>
</section>
<p><a href="/orders/{{ID}}">Back to the order</a></p>
