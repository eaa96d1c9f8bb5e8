{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{TITLE}}</p>
<h1>{{TITLE}}</h1>
{{#INTRO}}<p class="muted">{{TEXT}}</p>{{/INTRO}}
{{#NOTICE}}<p class="flash" role="status" id="queue-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="queue-error">{{MSG}}</p>{{/ERROR}}
<form class="admin-filters" method="get" action="{{PATH}}">
{{#FILTER}}
	<div class="field">
		<label for="f-{{NAME}}">{{LABEL}}</label>
		{{#TEXT}}<input type="text" id="f-{{NAME}}" name="{{NAME}}" value="{{VALUE}}">{{/TEXT}}
		{{#SELECT}}<select id="f-{{NAME}}" name="{{NAME}}"><option value="">{{_ Any}}</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{WORDS}}</option>{{/OPTION}}</select>{{/SELECT}}
	</div>
{{/FILTER}}
	<div class="field">
		<label for="f-sort">{{_ Sort by}}</label>
		<select id="f-sort" name="sort">{{#SORT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT}}</select>
	</div>
	<div class="field"><button type="submit">{{_ Show}}</button></div>
</form>
{{#QUEUE_SEARCH}}<form class="admin-filters" method="get" action="/admin/search" role="search">
	<input type="hidden" name="queue" value="{{QUEUE}}">
	<div class="field"><label for="queue-q">{{_ Search this queue (order number, email, remittance code, tracking number, company)}}</label><input type="search" id="queue-q" name="q" maxlength="200"></div>
	<div class="field"><button type="submit">{{_ Search}}</button></div>
</form>{{/QUEUE_SEARCH}}
{{#EXPORT}}<p><a class="button secondary" id="queue-export" href="{{HREF}}" download>{{_ Export CSV}}</a></p>{{/EXPORT}}
{{#EXACT}}<p class="muted" id="queue-total">{{_ {TOTAL} item(s), page {PAGE} of {PAGES}.}}</p>{{/EXACT}}{{#MANY}}<p class="muted" id="queue-total" data-more-than="{{CAP}}">{{_ More than {CAP} items, page {PAGE}.}}</p>{{/MANY}}
{{#EMPTY}}<p class="empty-state" id="queue-empty">{{_ Nothing here.}}</p>{{/EMPTY}}
<table class="admin-table responsive">
	<thead>
		<tr><th scope="col">#</th>{{#THUMB_COL}}<th scope="col">{{_ Document}}</th>{{/THUMB_COL}}{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}<th scope="col">{{_ Created}}</th><th scope="col">{{_ Age}}</th><th scope="col">{{_ Promised by}}</th>{{#DECIDE_COL}}<th scope="col">{{_ Decide}}</th>{{/DECIDE_COL}}</tr>
	</thead>
	<tbody>
{{#ROW}}
		<tr class="queue-row{{#LATE}} late{{/LATE}}" data-id="{{ID}}">
			<td data-label="#"><a href="{{HREF}}">#{{ID}}</a></td>
			{{#THUMB_CELL}}<td data-label="{{_ Document}}">{{#THUMB}}<a href="{{HREF}}"><img class="queue-thumb" src="/admin/files/{{FILE}}/picture?page=0" alt="{{_ Preview of the document of #{ID}}}" width="80" loading="lazy"></a>{{/THUMB}}{{#NO_THUMB}}<span class="muted">{{_ No preview}}</span>{{/NO_THUMB}}</td>{{/THUMB_CELL}}
			{{#CELL}}<td data-label="{{LABEL}}">{{TEXT}}</td>{{/CELL}}
			<td data-label="{{_ Created}}">{{CREATED}}</td>
			<td data-label="{{_ Age}}">{{AGE}}</td>
			<td data-label="{{_ Promised by}}">{{PROMISED}}{{#LATE}} <span class="badge badge-late">{{_ late}}</span>{{/LATE}}</td>
			{{#DECIDE_CELL}}<td data-label="{{_ Decide}}">{{#DECIDE}}<form class="inline-form" method="post" action="{{ACTION}}">
				<input type="hidden" name="csrf" value="{{CSRF}}">
				<input type="hidden" name="from" value="{{FROM}}">
				<label class="sr-only" for="reason-{{ID}}">{{_ Reason}}</label>
				<input type="text" id="reason-{{ID}}" name="reason" placeholder="{{_ Reason}}" maxlength="200">
				<button type="submit" class="secondary">{{LABEL}}</button>
			</form>{{/DECIDE}}</td>{{/DECIDE_CELL}}
		</tr>
{{/ROW}}
	</tbody>
</table>
<nav class="pager" aria-label="{{_ Pages}}">{{#PREV}}<a href="{{HREF}}" rel="prev">&larr; {{_ Previous}}</a>{{/PREV}} {{#NEXT}}<a href="{{HREF}}" rel="next">{{_ Next}} &rarr;</a>{{/NEXT}}</nav>
