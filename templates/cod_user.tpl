{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/cod/users">{{_ COD permissions}}</a> &rsaquo; {{EMAIL}}</p>
<h1>{{_ Cash on delivery: {EMAIL}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="user-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="user-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ Limit now {LIMIT} (COD-07); {COMPLETED} completed COD orders;}} <span id="user-strikes">{{STRIKES}}</span> {{_ refusal(s) without a valid reason.}}</p>
{{#SUSPENDED}}<p id="user-suspended">{{_ Suspended until {UNTIL} (COD-F2).}}</p>{{/SUSPENDED}}
{{#REVOKED}}<p id="user-revoked">{{_ COD is revoked (COD-F3).}}</p>
<form method="post" action="/admin/cod/users/{{ID}}/reinstate" id="cod-reinstate">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="reinstate-reason">{{_ Note}}</label><input type="text" id="reinstate-reason" name="reason" maxlength="200"></div>
	<button type="submit">{{_ Reinstate COD}}</button>
</form>{{/REVOKED}}
{{#NOT_REVOKED}}
<form method="post" action="/admin/cod/users/{{ID}}/revoke" id="cod-revoke">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="revoke-reason">{{_ Finding: malicious refusals or false orders (COD-F3)}}</label><input type="text" id="revoke-reason" name="reason" maxlength="200" required></div>
	<button type="submit" class="secondary">{{_ Revoke COD permanently}}</button>
</form>
{{/NOT_REVOKED}}
<table class="responsive"><thead><tr><th scope="col">{{_ Order}}</th><th scope="col">{{_ Reason}}</th><th scope="col">{{_ Day}}</th><th scope="col">{{_ Counted}}</th></tr></thead>
<tbody>{{#REFUSAL}}<tr><td>#{{ORDER}}</td><td>{{REASON}}</td><td>{{DAY}}</td><td>{{COUNTED}}</td></tr>{{/REFUSAL}}</tbody></table>
