{{%AUTOESCAPE context="HTML"}}
<h1>Admin</h1>
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
	<li><a href="/admin/audit">Audit trail</a></li>
	<li><a href="/admin/holidays">Holidays</a></li>
	<li><a href="/admin/fx">Exchange rates</a></li>
	<li><a href="/admin/guarantee">Pay After Use guarantee</a></li>
	<li><a href="/admin/reconciliation">Reconciliation with the partners</a></li>
	<li><a href="/admin/companies">Companies (agreements, COD-02 limit, REM-02 quota)</a></li>
	<li><a href="/admin/sign-in-codes">Admins' sign-in codes</a></li>
{{#SETTING}}	<li><a href="/admin/settings/{{SLUG}}">{{TITLE}}</a></li>
{{/SETTING}}</ul>
</section>
