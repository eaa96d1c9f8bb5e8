{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; {{#IN_QUEUE}}<a href="{{PATH}}">{{TITLE}}</a> &rsaquo; {{/IN_QUEUE}}Search</p>
<h1>Search{{#IN_QUEUE}} in &ldquo;{{TITLE}}&rdquo;{{/IN_QUEUE}}</h1>
<form class="admin-filters" method="get" action="/admin/search" role="search">
	{{#IN_QUEUE}}<input type="hidden" name="queue" value="{{ID}}">{{/IN_QUEUE}}
	<div class="field"><label for="search-q">Order number, email, remittance code, tracking number or company</label><input type="search" id="search-q" name="q" value="{{Q}}" maxlength="200"{{#Q_ERROR}} aria-invalid="true" aria-describedby="search-q-error"{{/Q_ERROR}}>{{#Q_ERROR}}<p class="field-error" id="search-q-error">{{MSG}}</p>{{/Q_ERROR}}</div>
	<div class="field"><button type="submit">Search</button></div>
</form>
{{#RESULTS}}
<p class="muted" id="search-kind">Searched as a {{KIND}}.</p>
{{#ORDERS}}
<section aria-labelledby="search-orders-h">
<h2 id="search-orders-h">Orders ({{NORDERS}})</h2>
<table class="admin-table responsive" id="search-orders">
	<thead><tr><th scope="col">Order</th><th scope="col">Created</th><th scope="col">Buyer</th><th scope="col">Company</th><th scope="col">Method</th><th scope="col">Status</th><th scope="col">Amount</th><th scope="col">Remittance code</th><th scope="col">Tracking</th></tr></thead>
	<tbody>
{{#ORDER}}		<tr class="search-order" data-id="{{ID}}"><td data-label="Order"><a href="/admin/orders/{{ID}}">#{{ID}}</a></td><td data-label="Created">{{CREATED}}</td><td data-label="Buyer">{{EMAIL}}</td><td data-label="Company">{{COMPANY}}</td><td data-label="Method">{{METHOD}}</td><td data-label="Status">{{STATUS}}</td><td data-label="Amount">{{AMOUNT}}</td><td data-label="Remittance code">{{RF_CODE}}</td><td data-label="Tracking">{{TRACKING}}</td></tr>
{{/ORDER}}	</tbody>
</table>
</section>
{{/ORDERS}}
<section aria-labelledby="search-entries-h">
<h2 id="search-entries-h">In review queues ({{NENTRIES}})</h2>
<table class="admin-table responsive" id="search-entries">
	<thead><tr><th scope="col">Queue</th><th scope="col">Item</th><th scope="col">Waiting since</th></tr></thead>
	<tbody>
{{#ENTRY}}		<tr class="search-entry"><td data-label="Queue"><a href="{{QUEUE_PATH}}">{{QUEUE}}</a></td><td data-label="Item"><a href="{{HREF}}">{{WHAT}}</a></td><td data-label="Waiting since">{{SINCE}}</td></tr>
{{/ENTRY}}	</tbody>
</table>
</section>
{{#EVENTS}}
<section aria-labelledby="search-events-h">
<h2 id="search-events-h">Audit trail ({{NEVENTS}})</h2>
<table class="admin-table responsive" id="search-events">
	<thead><tr><th scope="col">When</th><th scope="col">Subject</th><th scope="col">Actor</th><th scope="col">New state</th><th scope="col">Why</th></tr></thead>
	<tbody>
{{#EVENT}}		<tr class="search-event"><td data-label="When">{{AT}}</td><td data-label="Subject">{{SUBJECT}}</td><td data-label="Actor">{{ACTOR}}</td><td data-label="New state">{{TO}}</td><td data-label="Why">{{REASON}}</td></tr>
{{/EVENT}}	</tbody>
</table>
</section>
{{/EVENTS}}
{{/RESULTS}}
