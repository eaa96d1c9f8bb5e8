{{%AUTOESCAPE context="HTML"}}
<h1>Admin</h1>
<form class="admin-filters admin-search" method="get" action="/admin/search" role="search">
	<div class="field"><label for="admin-q">Search orders, queues and the audit trail (order number, email, remittance code, tracking number, company)</label><input type="search" id="admin-q" name="q" maxlength="200"></div>
	<div class="field"><button type="submit">Search</button></div>
</form>
{{#BREACHES}}<section class="notice notice-warn sla-breaches" id="sla-breaches" role="alert" aria-labelledby="sla-h">
<h2 id="sla-h">Past the promised date</h2>
<ul>{{#BREACH}}<li class="sla-breach"><a href="{{PATH}}">{{TITLE}}</a>: <strong class="sla-count">{{N}}</strong> past their {{PROMISE}}</li>{{/BREACH}}</ul>
</section>{{/BREACHES}}
{{#FIGURES_MONEY}}<section aria-labelledby="money-h">
<h2 id="money-h">Money (USD) <a class="hint" href="/admin/reports">Reports</a></h2>
<dl class="admin-figures key-figures" id="key-figures">
	<div><dt>Collected today</dt><dd id="kf-collected-today">{{COLLECTED_TODAY}}</dd></div>
	<div><dt>Collected this month</dt><dd id="kf-collected-month">{{COLLECTED_MONTH}}</dd></div>
	<div><dt>Installments outstanding</dt><dd id="kf-outstanding">{{OUTSTANDING}}</dd></div>
	<div><dt>Installments overdue</dt><dd id="kf-overdue">{{OVERDUE}}</dd></div>
	<div><dt>Refunds due, not sent</dt><dd id="kf-refunds">{{REFUNDS_OPEN}}</dd></div>
	<div><dt>Guarantee payouts this month</dt><dd id="kf-guarantee">{{GUARANTEE_MONTH}}</dd></div>
</dl>
</section>{{/FIGURES_MONEY}}
<section aria-labelledby="queues-h">
<h2 id="queues-h">Review queues</h2>
<ul class="admin-queues">
{{#QUEUE}}
	<li class="admin-queue" id="queue-{{ID}}" data-queue="{{ID}}">
		<a class="admin-queue-title" href="{{PATH}}">{{TITLE}}</a>
		{{#UNAVAILABLE}}<p class="muted">Not available yet.</p>{{/UNAVAILABLE}}
		{{#FIGURES}}<dl class="admin-figures">
			<div><dt>Waiting</dt><dd class="count" data-count="{{COUNT}}">{{COUNT}}</dd></div>
			<div><dt>Oldest</dt><dd>{{OLDEST}}</dd></div>
			<div{{#LATE}} class="late"{{/LATE}}><dt>Past promised date</dt><dd class="overdue" data-overdue="{{OVERDUE}}">{{OVERDUE}}</dd></div>
		</dl>{{/FIGURES}}
		<p class="hint">Promised date: {{PROMISE}}</p>
	</li>
{{/QUEUE}}
</ul>
</section>
<section aria-labelledby="tools-h">
<h2 id="tools-h">Operations</h2>
<ul class="admin-links">
	<li><a href="/admin/orders">All orders</a></li>
	<li><a href="/admin/reports">Money reports</a></li>
	<li><a href="/admin/audit">Audit trail</a></li>
	<li><a href="/admin/holidays">Holidays</a></li>
	<li><a href="/admin/fx">Exchange rates</a></li>
	<li><a href="/admin/guarantee">Pay After Use guarantee</a></li>
	<li><a href="/admin/reconciliation">Reconciliation with the partners</a></li>
	<li><a href="/admin/export/ledger" download>Ledger lines (CSV)</a></li>
	<li><a href="/admin/export/reconciliation" download>Reconciliation differences (CSV)</a></li>
	<li><a href="/admin/companies">Companies (agreements, COD-02 limit, REM-02 quota)</a></li>
{{#SETTING}}	<li><a href="/admin/settings/{{SLUG}}">{{TITLE}}</a></li>
{{/SETTING}}</ul>
</section>
