{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/plans.css">
<h1>Plan #{{PLAN_ID}} (order <a href="/admin/orders/{{ID}}">#{{ID}}</a>)</h1>
{{#NOTICE}}<p class="notice" role="status" id="admin-plan-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="admin-plan-error">{{MSG}}</p>{{/ERROR}}
<p>User {{USER}} · {{METHOD}} · {{INSTITUTION}} · state <strong id="plan-state">{{PLAN_STATE}}</strong>{{#CARD}} · {{BRAND}} ending {{LAST4}}{{/CARD}}{{#REF}} · partner reference {{REF}}{{/REF}}</p>
{{#DECLINE}}<p>Declined: {{REASON}}</p>{{/DECLINE}}
{{#SUSPENDED}}<form method="post" action="/admin/plans/{{PLAN_ID}}/lift" id="lift-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p><strong>This user's installment access is suspended (INST-F2).</strong> It can be lifted once nothing is overdue.</p>
	<button type="submit">Lift the suspension</button>
</form>{{/SUSPENDED}}
<dl class="amounts">
	<dt>Paid</dt><dd>{{PAID_TOTAL}}</dd><dt>Remaining</dt><dd>{{REMAINING}}</dd><dt>Late fees</dt><dd>{{LATE_TOTAL}}</dd><dt>APR</dt><dd>{{APR}}%</dd>
</dl>
{{#REFUND}}<p>Refund {{AMOUNT}} due by {{DUE}}.</p>{{/REFUND}}
<table class="responsive plan-table" id="schedule-table">
	<thead><tr><th scope="col">#</th><th scope="col">Due</th><th scope="col" class="num">Principal</th><th scope="col" class="num">Fee</th><th scope="col" class="num">Late fee</th><th scope="col">Status</th><th scope="col" class="num">Balance after</th></tr></thead>
	<tbody>
	{{#INST}}<tr><td data-label="#">{{SEQ}}</td><td data-label="Due">{{DUE}}</td><td data-label="Principal" class="num">{{PRINCIPAL}}</td><td data-label="Fee" class="num">{{FEE}}</td><td data-label="Late fee" class="num">{{LATE}}</td><td data-label="Status">{{STATE}}{{#DAYS_LATE}} ({{DAYS}}){{/DAYS_LATE}}</td><td data-label="Balance after" class="num">{{BALANCE}}</td></tr>{{/INST}}
	</tbody>
</table>
<h2>Payments</h2>
<table class="responsive" id="payments-table">
	<thead><tr><th scope="col">At</th><th scope="col">Kind</th><th scope="col">#</th><th scope="col" class="num">Amount</th><th scope="col">Result</th><th scope="col">Channel</th><th scope="col">Reason</th></tr></thead>
	<tbody>
	{{#PAYMENT}}<tr><td data-label="At">{{AT}}</td><td data-label="Kind">{{KIND}}</td><td data-label="#">{{SEQ}}</td><td data-label="Amount" class="num">{{AMOUNT}}</td><td data-label="Result">{{OK}}</td><td data-label="Channel">{{CHANNEL}}</td><td data-label="Reason">{{REASON}}</td></tr>{{/PAYMENT}}
	</tbody>
</table>
<h2>Events</h2>
<ol class="timeline" id="plan-events">
	{{#EVENT}}<li><time>{{AT}}</time> ({{ACTOR}}) {{FROM}} &rarr; {{TO}}: {{REASON}}</li>{{/EVENT}}
</ol>
<p><a href="/admin/plans">All plans</a></p>
