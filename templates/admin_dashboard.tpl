{{%AUTOESCAPE context="HTML"}}
<h1>Admin</h1>
{{#QUEUES}}<section aria-labelledby="queues-h">
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
</section>{{/QUEUES}}
<section aria-labelledby="tools-h">
<h2 id="tools-h">Operations</h2>
<p class="muted" id="my-roles">Your roles: {{MY_ROLES}}</p>
<ul class="admin-links" id="admin-links">
{{#LINK}}	<li><a href="{{PATH}}">{{TITLE}}</a></li>
{{/LINK}}</ul>
</section>
