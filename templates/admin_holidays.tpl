{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/settings">{{_ Settings}}</a> &rsaquo; {{_ Holidays}}</p>
<h1>{{_ Holidays}}</h1>
<p class="muted">{{_ Business days are Monday to Friday minus these dates (C-04); deadlines already promised stay as stored.}}</p>
{{#NOTICE}}<p class="flash" role="status" id="holiday-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="holiday-error">{{MSG}}</p>{{/ERROR}}
<form class="admin-filters" method="post" action="/admin/holidays/add">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="day">{{_ Day}}</label><input type="date" id="day" name="day" required></div>
	<div class="field"><label for="hname">{{_ Name}}</label><input type="text" id="hname" name="name" maxlength="100"></div>
	<div class="field"><button type="submit">{{_ Add holiday}}</button></div>
</form>
{{#EMPTY}}<p class="muted">{{_ No holidays recorded.}}</p>{{/EMPTY}}
<table class="admin-table responsive">
	<thead><tr><th scope="col">{{_ Day}}</th><th scope="col">{{_ Name}}</th><th scope="col"><span class="sr-only">{{_ Remove}}</span></th></tr></thead>
	<tbody>
{{#HOLIDAY}}		<tr><td data-label="{{_ Day}}">{{DAY}}</td><td data-label="{{_ Name}}">{{NAME}}</td><td><form class="inline-form" method="post" action="/admin/holidays/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="day" value="{{DAY}}"><button type="submit" class="link">{{_ Remove}}</button></form></td></tr>
{{/HOLIDAY}}	</tbody>
</table>
