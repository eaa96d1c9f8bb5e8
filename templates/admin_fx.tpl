{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/settings">{{_ Settings}}</a> &rsaquo; {{_ Exchange rates}}</p>
<h1>{{_ Exchange rates}}</h1>
<p class="muted">{{_ USD for one unit of a currency, from the day it takes effect (C-02). Orders keep the rate they were quoted at.}}</p>
{{#NOTICE}}<p class="flash" role="status" id="fx-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="fx-error">{{MSG}}</p>{{/ERROR}}
<form class="admin-filters" method="post" action="/admin/fx">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="currency">{{_ Currency}}</label><input type="text" id="currency" name="currency" value="{{F_CURRENCY}}" maxlength="3" required></div>
	<div class="field"><label for="rate">{{_ USD per unit}}</label><input type="text" id="rate" name="rate" value="{{F_RATE}}" inputmode="decimal" required></div>
	<div class="field"><label for="effective_from">{{_ Takes effect on}}</label><input type="date" id="effective_from" name="effective_from" value="{{F_FROM}}" required></div>
	<div class="field"><button type="submit">{{_ Record rate}}</button></div>
</form>
<table class="admin-table responsive">
	<thead><tr><th scope="col">{{_ Currency}}</th><th scope="col" class="num">{{_ USD per unit}}</th><th scope="col">{{_ From}}</th></tr></thead>
	<tbody>
{{#RATE}}		<tr><td data-label="{{_ Currency}}">{{CURRENCY}}</td><td data-label="{{_ USD per unit}}" class="num">{{RATE}}</td><td data-label="{{_ From}}">{{FROM}}</td></tr>
{{/RATE}}	</tbody>
</table>
