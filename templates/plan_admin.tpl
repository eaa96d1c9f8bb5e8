{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
<h1>{{_ Plan #{PLAN_ID}}} (<a href="/admin/orders/{{ID}}">{{_ order #{ID}}}</a>)</h1>
{{#NOTICE}}<p class="notice" role="status" id="admin-plan-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="admin-plan-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ User {USER}}} · {{METHOD}} · {{INSTITUTION}} · {{_ state}} <strong id="plan-state" data-state="{{PLAN_STATE_CODE}}">{{PLAN_STATE}}</strong>{{#CARD}} · {{_ {BRAND} ending {LAST4}}}{{/CARD}}{{#REF}} · {{_ partner reference {REF}}}{{/REF}}</p>
{{#DECLINE}}<p>{{_ Declined: {REASON}}}</p>{{/DECLINE}}
{{#SUSPENDED}}<form method="post" action="/admin/plans/{{PLAN_ID}}/lift" id="lift-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p><strong>{{_ This user's installment access is suspended (INST-F2).}}</strong> {{_ It can be lifted once nothing is overdue.}}</p>
	<button type="submit">{{_ Lift the suspension}}</button>
</form>{{/SUSPENDED}}
<dl class="amounts">
	<dt>{{_ Paid}}</dt><dd>{{PAID_TOTAL}}</dd><dt>{{_ Remaining}}</dt><dd>{{REMAINING}}</dd><dt>{{_ Late fees}}</dt><dd>{{LATE_TOTAL}}</dd><dt>{{_ APR}}</dt><dd>{{APR}}%</dd>
</dl>
{{#REFUND}}<p>{{_ Refund {AMOUNT} due by {DUE}.}}</p>{{/REFUND}}
<table class="responsive plan-table" id="schedule-table">
	<thead><tr><th scope="col">#</th><th scope="col">{{_ Due}}</th><th scope="col" class="num">{{_ Principal}}</th><th scope="col" class="num">{{_ Fee}}</th><th scope="col" class="num">{{_ Late fee}}</th><th scope="col">{{_ Status}}</th><th scope="col" class="num">{{_ Balance after}}</th></tr></thead>
	<tbody>
	{{#INST}}<tr><td data-label="#">{{SEQ}}</td><td data-label="{{_ Due}}">{{DUE}}</td><td data-label="{{_ Principal}}" class="num">{{PRINCIPAL}}</td><td data-label="{{_ Fee}}" class="num">{{FEE}}</td><td data-label="{{_ Late fee}}" class="num">{{LATE}}</td><td data-label="{{_ Status}}">{{STATE}}{{#DAYS_LATE}} ({{DAYS}}){{/DAYS_LATE}}</td><td data-label="{{_ Balance after}}" class="num">{{BALANCE}}</td></tr>{{/INST}}
	</tbody>
</table>
<h2>{{_ Payments}}</h2>
<table class="responsive" id="payments-table">
	<thead><tr><th scope="col">{{_ At}}</th><th scope="col">{{_ Kind}}</th><th scope="col">#</th><th scope="col" class="num">{{_ Amount}}</th><th scope="col">{{_ Result}}</th><th scope="col">{{_ Channel}}</th><th scope="col">{{_ Reason}}</th></tr></thead>
	<tbody>
	{{#PAYMENT}}<tr><td data-label="{{_ At}}">{{AT}}</td><td data-label="{{_ Kind}}">{{KIND}}</td><td data-label="#">{{SEQ}}</td><td data-label="{{_ Amount}}" class="num">{{AMOUNT}}</td><td data-label="{{_ Result}}">{{OK}}</td><td data-label="{{_ Channel}}">{{CHANNEL}}</td><td data-label="{{_ Reason}}">{{REASON}}</td></tr>{{/PAYMENT}}
	</tbody>
</table>
<h2>{{_ Events}}</h2>
<ol class="timeline" id="plan-events">
	{{#EVENT}}<li><time>{{AT}}</time> ({{ACTOR}}) {{FROM}} &rarr; {{TO}}: {{REASON}}</li>{{/EVENT}}
</ol>
<p><a href="/admin/plans">{{_ All plans}}</a></p>
