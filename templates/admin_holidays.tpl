{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; <a href="/admin/settings">Settings</a> &rsaquo; Holidays</p>
<h1>Holidays</h1>
<p class="muted">Business days are Monday to Friday minus these dates (C-04); deadlines already promised stay as stored.</p>
{{#NOTICE}}<p class="flash" role="status" id="holiday-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="holiday-error">{{MSG}}</p>{{/ERROR}}
<form class="admin-filters" method="post" action="/admin/holidays/add">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="day">Day</label><input type="date" id="day" name="day" required></div>
	<div class="field"><label for="hname">Name</label><input type="text" id="hname" name="name" maxlength="100"></div>
	<div class="field"><button type="submit">Add holiday</button></div>
</form>
{{#EMPTY}}<p class="muted">No holidays recorded.</p>{{/EMPTY}}
<table class="admin-table responsive">
	<thead><tr><th scope="col">Day</th><th scope="col">Name</th><th scope="col"><span class="sr-only">Remove</span></th></tr></thead>
	<tbody>
{{#HOLIDAY}}		<tr><td data-label="Day">{{DAY}}</td><td data-label="Name">{{NAME}}</td><td><form class="inline-form" method="post" action="/admin/holidays/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="day" value="{{DAY}}"><button type="submit" class="link">Remove</button></form></td></tr>
{{/HOLIDAY}}	</tbody>
</table>
