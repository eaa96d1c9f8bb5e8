{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Admin}}</h1>
<form class="admin-filters admin-search" method="get" action="/admin/search" role="search">
	<div class="field"><label for="admin-q">{{_ Search orders, queues and the audit trail (order number, email, remittance code, tracking number, company)}}</label><input type="search" id="admin-q" name="q" maxlength="200"></div>
	<div class="field"><button type="submit">{{_ Search}}</button></div>
</form>
{{#BREACHES}}<section class="notice notice-warn sla-breaches" id="sla-breaches" role="alert" aria-labelledby="sla-h">
<h2 id="sla-h">{{_ Past the promised date}}</h2>
<ul>{{#BREACH}}<li class="sla-breach"><a href="{{PATH}}">{{TITLE}}</a>: <strong class="sla-count">{{N}}</strong> {{_ past their {PROMISE}}}</li>{{/BREACH}}</ul>
</section>{{/BREACHES}}
{{#FIGURES_MONEY}}<section aria-labelledby="money-h">
<h2 id="money-h">{{_ Money (USD)}} <a class="hint" href="/admin/reports">{{_ Reports}}</a></h2>
<dl class="admin-figures key-figures" id="key-figures">
	<div><dt>{{_ Collected today}}</dt><dd id="kf-collected-today">{{COLLECTED_TODAY}}</dd></div>
	<div><dt>{{_ Collected this month}}</dt><dd id="kf-collected-month">{{COLLECTED_MONTH}}</dd></div>
	<div><dt>{{_ Installments outstanding}}</dt><dd id="kf-outstanding">{{OUTSTANDING}}</dd></div>
	<div><dt>{{_ Installments overdue}}</dt><dd id="kf-overdue">{{OVERDUE}}</dd></div>
	<div><dt>{{_ Refunds due, not sent}}</dt><dd id="kf-refunds">{{REFUNDS_OPEN}}</dd></div>
	<div><dt>{{_ Guarantee payouts this month}}</dt><dd id="kf-guarantee">{{GUARANTEE_MONTH}}</dd></div>
</dl>
</section>{{/FIGURES_MONEY}}
{{#QUEUES}}<section aria-labelledby="queues-h">
<h2 id="queues-h">{{_ Review queues}}</h2>
<ul class="admin-queues">
{{#QUEUE}}
	<li class="admin-queue" id="queue-{{ID}}" data-queue="{{ID}}">
		<a class="admin-queue-title" href="{{PATH}}">{{TITLE}}</a>
		{{#UNAVAILABLE}}<p class="muted">{{_ Not available yet.}}</p>{{/UNAVAILABLE}}
		{{#FIGURES}}<dl class="admin-figures">
			<div><dt>{{_ Waiting}}</dt><dd class="count" data-count="{{COUNT}}">{{COUNT}}</dd></div>
			<div><dt>{{_ Oldest}}</dt><dd>{{OLDEST}}</dd></div>
			<div{{#LATE}} class="late"{{/LATE}}><dt>{{_ Past promised date}}</dt><dd class="overdue" data-overdue="{{OVERDUE}}">{{OVERDUE}}</dd></div>
		</dl>{{/FIGURES}}
		<p class="hint">{{_ Promised date: {PROMISE}}}</p>
	</li>
{{/QUEUE}}
</ul>
</section>{{/QUEUES}}
<section aria-labelledby="tools-h">
<h2 id="tools-h">{{_ Operations}}</h2>
<p class="muted" id="my-roles">{{_ Your roles: {MY_ROLES}}}</p>
<ul class="admin-links" id="admin-links">
{{#LINK}}	<li><a href="{{PATH}}"{{#DOWNLOAD}} download{{/DOWNLOAD}}>{{TITLE}}</a></li>
{{/LINK}}</ul>
</section>
