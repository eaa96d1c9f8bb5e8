{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; <a href="/admin/settings">Settings</a> &rsaquo; Exchange rates</p>
<h1>Exchange rates</h1>
<p class="muted">USD for one unit of a currency, from the day it takes effect (C-02). Orders keep the rate they were quoted at.</p>
{{#NOTICE}}<p class="flash" role="status" id="fx-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="fx-error">{{MSG}}</p>{{/ERROR}}
<form class="admin-filters" method="post" action="/admin/fx">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="currency">Currency</label><input type="text" id="currency" name="currency" value="{{F_CURRENCY}}" maxlength="3" required></div>
	<div class="field"><label for="rate">USD per unit</label><input type="text" id="rate" name="rate" value="{{F_RATE}}" inputmode="decimal" required></div>
	<div class="field"><label for="effective_from">Takes effect on</label><input type="date" id="effective_from" name="effective_from" value="{{F_FROM}}" required></div>
	<div class="field"><button type="submit">Record rate</button></div>
</form>
<table class="admin-table responsive">
	<thead><tr><th scope="col">Currency</th><th scope="col" class="num">USD per unit</th><th scope="col">From</th></tr></thead>
	<tbody>
{{#RATE}}		<tr><td data-label="Currency">{{CURRENCY}}</td><td data-label="USD per unit" class="num">{{RATE}}</td><td data-label="From">{{FROM}}</td></tr>
{{/RATE}}	</tbody>
</table>
