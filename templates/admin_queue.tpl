{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; {{TITLE}}</p>
<h1>{{TITLE}}</h1>
{{#INTRO}}<p class="muted">{{TEXT}}</p>{{/INTRO}}
{{#NOTICE}}<p class="flash" role="status" id="queue-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="queue-error">{{MSG}}</p>{{/ERROR}}
<form class="admin-filters" method="get" action="{{PATH}}">
{{#FILTER}}
	<div class="field">
		<label for="f-{{NAME}}">{{LABEL}}</label>
		{{#TEXT}}<input type="text" id="f-{{NAME}}" name="{{NAME}}" value="{{VALUE}}">{{/TEXT}}
		{{#SELECT}}<select id="f-{{NAME}}" name="{{NAME}}"><option value="">Any</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/OPTION}}</select>{{/SELECT}}
	</div>
{{/FILTER}}
	<div class="field">
		<label for="f-sort">Sort by</label>
		<select id="f-sort" name="sort">{{#SORT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT}}</select>
	</div>
	<div class="field"><button type="submit">Show</button></div>
</form>
{{#QUEUE_SEARCH}}<form class="admin-filters" method="get" action="/admin/search" role="search">
	<input type="hidden" name="queue" value="{{QUEUE}}">
	<div class="field"><label for="queue-q">Search this queue (order number, email, remittance code, tracking number, company)</label><input type="search" id="queue-q" name="q" maxlength="200"></div>
	<div class="field"><button type="submit">Search</button></div>
</form>{{/QUEUE_SEARCH}}
{{#EXPORT}}<p><a class="button secondary" id="queue-export" href="{{HREF}}" download>Export CSV</a></p>{{/EXPORT}}
<p class="muted" id="queue-total">{{TOTAL}} item(s), page {{PAGE}} of {{PAGES}}.</p>
{{#EMPTY}}<p class="empty-state" id="queue-empty">Nothing here.</p>{{/EMPTY}}
<table class="admin-table responsive">
	<thead>
		<tr><th scope="col">#</th>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}<th scope="col">Created</th><th scope="col">Age</th><th scope="col">Promised by</th>{{#DECIDE_COL}}<th scope="col">Decide</th>{{/DECIDE_COL}}</tr>
	</thead>
	<tbody>
{{#ROW}}
		<tr class="queue-row{{#LATE}} late{{/LATE}}" data-id="{{ID}}">
			<td data-label="#"><a href="{{HREF}}">#{{ID}}</a></td>
			{{#CELL}}<td data-label="{{LABEL}}">{{TEXT}}</td>{{/CELL}}
			<td data-label="Created">{{CREATED}}</td>
			<td data-label="Age">{{AGE}}</td>
			<td data-label="Promised by">{{PROMISED}}{{#LATE}} <span class="badge badge-late">late</span>{{/LATE}}</td>
			{{#DECIDE_CELL}}<td data-label="Decide">{{#DECIDE}}<form class="inline-form" method="post" action="{{ACTION}}">
				<input type="hidden" name="csrf" value="{{CSRF}}">
				<input type="hidden" name="from" value="{{FROM}}">
				<label class="sr-only" for="reason-{{ID}}">Reason</label>
				<input type="text" id="reason-{{ID}}" name="reason" placeholder="Reason" maxlength="200">
				<button type="submit" class="secondary">{{LABEL}}</button>
			</form>{{/DECIDE}}</td>{{/DECIDE_CELL}}
		</tr>
{{/ROW}}
	</tbody>
</table>
<nav class="pager" aria-label="Pages">{{#PREV}}<a href="{{HREF}}" rel="prev">&larr; Previous</a>{{/PREV}} {{#NEXT}}<a href="{{HREF}}" rel="next">Next &rarr;</a>{{/NEXT}}</nav>
