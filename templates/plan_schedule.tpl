{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
<h1>{{_ Repayment schedule: order #{ID}}}</h1>
{{#NOTICE}}<p class="notice" role="status" id="schedule-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="schedule-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ Plan with {INSTITUTION} from {START}:}} <strong id="plan-state" data-state="{{PLAN_STATE_CODE}}">{{PLAN_STATE}}</strong>{{#CARD}}{{_ , repaid from {BRAND} ending {LAST4} by automatic deduction on each due date}}{{/CARD}}.</p>
{{#OVERDUE}}<p class="error-summary" id="overdue-note">{{_ {COUNT} overdue: a late fee accrues every day until paid (INST-F1).}}</p>{{/OVERDUE}}
<dl class="amounts" id="schedule-totals">
	<dt>{{_ Paid so far}}</dt><dd id="total-paid">{{PAID_TOTAL}}</dd>
	<dt>{{_ Remaining (with late fees)}}</dt><dd id="total-remaining">{{REMAINING}}</dd>
	<dt>{{_ Late fees}}</dt><dd id="total-late">{{LATE_TOTAL}}</dd>
	<dt>{{_ APR}}</dt><dd id="schedule-apr">{{APR}}%</dd>
</dl>
{{#REFUND}}<p id="plan-refund">{{_ Plan terminated: refund of}} <strong>{{AMOUNT}}</strong> {{_ due by {DUE}; nothing further is due.}}</p>{{/REFUND}}
{{#CHART}}
<figure class="plan-chart">
<svg id="schedule-chart" class="chart-mirror" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{W}} {{H}}" role="img" aria-labelledby="chart-title" aria-describedby="chart-caption">
	<title id="chart-title">{{_ Installments (bars: principal, fee, late fee) and the remaining balance (line)}}</title>
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
<figcaption id="chart-caption">{{_ Bars: each installment (principal, fee, late fee; paid, due or overdue). Line: balance left after each installment, from {TOTAL}.}}</figcaption>
</figure>
{{/CHART}}
<table class="responsive plan-table" id="schedule-table">
	<thead><tr><th scope="col">#</th><th scope="col">{{_ Due}}</th><th scope="col" class="num">{{_ Principal}}</th><th scope="col" class="num">{{_ Fee}}</th><th scope="col" class="num">{{_ Late fee}}</th><th scope="col" class="num">{{_ Total}}</th><th scope="col">{{_ Status}}</th><th scope="col" class="num">{{_ Balance after}}</th></tr></thead>
	<tbody>
	{{#INST}}<tr class="inst-{{STATE_CODE}}" data-seq="{{SEQ}}"><td data-label="#">{{SEQ}}</td><td data-label="{{_ Due}}">{{DUE}}</td><td data-label="{{_ Principal}}" class="num">{{PRINCIPAL}}</td><td data-label="{{_ Fee}}" class="num">{{FEE}}{{#FEE_WAIVED}} {{_ (waived)}}{{/FEE_WAIVED}}</td><td data-label="{{_ Late fee}}" class="num late-fee">{{LATE}}</td><td data-label="{{_ Total}}" class="num">{{TOTAL}}</td><td data-label="{{_ Status}}" class="inst-state">{{STATE}}{{#DAYS_LATE}} ({{DAYS}}){{/DAYS_LATE}}{{#PART}}<span class="inst-part">{{_ : {PAID} paid, {LEFT} remains}}</span>{{/PART}}</td><td data-label="{{_ Balance after}}" class="num">{{BALANCE}}</td></tr>{{/INST}}
	</tbody>
</table>
{{#TRANSFER}}
<section aria-labelledby="transfer-h" id="corp-transfer">
<h2 id="transfer-h">{{_ How to repay: bank transfer}}</h2>
<p>{{_ Due now:}} <strong id="corp-now-due">{{NOW_DUE}}</strong> · {{_ next: installment {SEQ},}} <strong id="corp-next">{{NEXT}}</strong> {{_ by {NEXT_DUE}.}}</p>
<dl class="amounts" id="corp-payee">
	<dt>{{_ Pay to}}</dt><dd id="payee-name">{{PAYEE}}</dd>
	<dt>{{_ Bank}}</dt><dd id="payee-bank">{{BANK}}</dd>
	<dt>{{_ Account}}</dt><dd id="payee-account">{{ACCOUNT}}</dd>
	<dt>{{_ Reference to quote}}</dt><dd><strong id="payee-ref">{{REF}}</strong></dd>
</dl>
<p class="field-note">{{_ The mall records each transfer when it arrives (INST-P3): it pays the oldest installments first; anything more is kept as your company's credit.}}</p>
</section>
{{/TRANSFER}}
{{#PAY}}
<form method="post" action="/orders/{{ID}}/pay" id="pay-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<input type="hidden" name="seq" value="{{SEQ}}">
	<button type="submit" id="pay-button">{{_ Repay installment {SEQ} now: {AMOUNT}}}</button>
</form>
{{/PAY}}
{{#PAYOFF}}<p><a class="button secondary" id="payoff-link" href="/orders/{{ID}}/payoff">{{_ Repay everything early (INST-F3)}}</a></p>{{/PAYOFF}}
{{#REBIND}}<p><a href="/orders/{{ID}}/card" id="rebind-link">{{_ Repay from another card}}</a></p>{{/REBIND}}
<section aria-labelledby="rules-h">
<h2 id="rules-h">{{_ Rules of this plan}}</h2>
<p>{{_ {N} installments at {RATE} a month ({FEE_MODE}); total handling fee {TOTAL_FEE}, total cost {TOTAL_COST}, APR {APR}%.}}</p>
<p>{{LATE_RULE}}</p>
<p>{{EARLY_RULE}}</p>
</section>
<p><a href="/orders/{{ID}}">{{_ Back to the order}}</a></p>
