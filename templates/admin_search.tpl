{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{#IN_QUEUE}}<a href="{{PATH}}">{{TITLE}}</a> &rsaquo; {{/IN_QUEUE}}{{_ Search}}</p>
<h1>{{_ Search}}{{#IN_QUEUE}} {{_ in}} &ldquo;{{TITLE}}&rdquo;{{/IN_QUEUE}}</h1>
<form class="admin-filters" method="get" action="/admin/search" role="search">
	{{#IN_QUEUE}}<input type="hidden" name="queue" value="{{ID}}">{{/IN_QUEUE}}
	<div class="field"><label for="search-q">{{_ Order number, email, remittance code, tracking number or company}}</label><input type="search" id="search-q" name="q" value="{{Q}}" maxlength="200"{{#Q_ERROR}} aria-invalid="true" aria-describedby="search-q-error"{{/Q_ERROR}}>{{#Q_ERROR}}<p class="field-error" id="search-q-error">{{MSG}}</p>{{/Q_ERROR}}</div>
	<div class="field"><button type="submit">{{_ Search}}</button></div>
</form>
{{#RESULTS}}
<p class="muted" id="search-kind">{{_ Searched as a {KIND}.}}</p>
{{#ORDERS}}
<section aria-labelledby="search-orders-h">
<h2 id="search-orders-h">{{#EXACT}}{{_ Orders ({NORDERS})}}{{/EXACT}}{{#MANY}}{{_ Orders (more than {CAP})}}{{/MANY}}</h2>
<table class="admin-table responsive" id="search-orders">
	<thead><tr><th scope="col">{{_ Order}}</th><th scope="col">{{_ Created}}</th><th scope="col">{{_ Buyer}}</th><th scope="col">{{_ Company}}</th><th scope="col">{{_ Method}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Amount}}</th><th scope="col">{{_ Remittance code}}</th><th scope="col">{{_ Tracking}}</th></tr></thead>
	<tbody>
{{#ORDER}}		<tr class="search-order" data-id="{{ID}}"><td data-label="{{_ Order}}"><a href="/admin/orders/{{ID}}">#{{ID}}</a></td><td data-label="{{_ Created}}">{{CREATED}}</td><td data-label="{{_ Buyer}}">{{EMAIL}}</td><td data-label="{{_ Company}}">{{COMPANY}}</td><td data-label="{{_ Method}}">{{METHOD}}</td><td data-label="{{_ Status}}">{{STATUS}}</td><td data-label="{{_ Amount}}">{{AMOUNT}}</td><td data-label="{{_ Remittance code}}">{{RF_CODE}}</td><td data-label="{{_ Tracking}}">{{TRACKING}}</td></tr>
{{/ORDER}}	</tbody>
</table>
<nav class="pager" aria-label="{{_ Pages}}">{{#PREV}}<a href="{{HREF}}" rel="prev">&larr; {{_ Previous}}</a>{{/PREV}} {{#NEXT}}<a href="{{HREF}}" rel="next">{{_ Next}} &rarr;</a>{{/NEXT}}</nav>
</section>
{{/ORDERS}}
<section aria-labelledby="search-entries-h">
<h2 id="search-entries-h">{{_ In review queues ({NENTRIES})}}</h2>
<table class="admin-table responsive" id="search-entries">
	<thead><tr><th scope="col">{{_ Queue}}</th><th scope="col">{{_ Item}}</th><th scope="col">{{_ Waiting since}}</th></tr></thead>
	<tbody>
{{#ENTRY}}		<tr class="search-entry"><td data-label="{{_ Queue}}"><a href="{{QUEUE_PATH}}">{{QUEUE}}</a></td><td data-label="{{_ Item}}"><a href="{{HREF}}">{{WHAT}}</a></td><td data-label="{{_ Waiting since}}">{{SINCE}}</td></tr>
{{/ENTRY}}	</tbody>
</table>
</section>
{{#EVENTS}}
<section aria-labelledby="search-events-h">
<h2 id="search-events-h">{{_ Audit trail ({NEVENTS})}}</h2>
<table class="admin-table responsive" id="search-events">
	<thead><tr><th scope="col">{{_ When}}</th><th scope="col">{{_ Subject}}</th><th scope="col">{{_ Actor}}</th><th scope="col">{{_ New state}}</th><th scope="col">{{_ Why}}</th></tr></thead>
	<tbody>
{{#EVENT}}		<tr class="search-event"><td data-label="{{_ When}}">{{AT}}</td><td data-label="{{_ Subject}}">{{SUBJECT}}</td><td data-label="{{_ Actor}}">{{ACTOR}}</td><td data-label="{{_ New state}}">{{TO}}</td><td data-label="{{_ Why}}">{{REASON}}</td></tr>
{{/EVENT}}	</tbody>
</table>
</section>
{{/EVENTS}}
{{/RESULTS}}
