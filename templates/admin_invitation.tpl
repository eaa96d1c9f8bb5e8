{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Join the mallpay console}}</h1>
{{#DONE}}<p class="flash" role="status" id="invitation-done">{{MSG}}</p>
<p><a class="button" href="/signin?next=/admin" id="invitation-signin">{{_ Sign in}}</a></p>{{/DONE}}
{{#FORM}}
<p>{{_ You are invited as an admin:}} <strong class="wrap-anywhere" id="invitation-email">{{EMAIL}}</strong>{{_ , with these roles:}} <strong id="invitation-roles">{{ROLES}}</strong>.</p>
<form method="post" action="/console/invitations/{{TOKEN}}" id="invitation-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="inv-name">{{_ Your name}}</label>
	<input type="text" id="inv-name" name="name" value="{{NAME}}" required autocomplete="name"{{#NAME_ERR}} aria-invalid="true" aria-describedby="inv-name-err"{{/NAME_ERR}}>
	{{#NAME_ERR}}<p class="field-error" id="inv-name-err">{{MSG}}</p>{{/NAME_ERR}}</div>
	<div class="field"><label for="inv-password">{{_ Password (at least 12 characters)}}</label>
	<input type="password" id="inv-password" name="password" required autocomplete="new-password"{{#PASSWORD_ERR}} aria-invalid="true" aria-describedby="inv-password-err"{{/PASSWORD_ERR}}>
	{{#PASSWORD_ERR}}<p class="field-error" id="inv-password-err">{{MSG}}</p>{{/PASSWORD_ERR}}</div>
	<div class="field"><label for="inv-confirm">{{_ The same password again}}</label>
	<input type="password" id="inv-confirm" name="confirm" required autocomplete="new-password"{{#CONFIRM_ERR}} aria-invalid="true" aria-describedby="inv-confirm-err"{{/CONFIRM_ERR}}>
	{{#CONFIRM_ERR}}<p class="field-error" id="inv-confirm-err">{{MSG}}</p>{{/CONFIRM_ERR}}</div>
	<button type="submit" id="invitation-accept">{{_ Set my password}}</button>
</form>
{{/FORM}}
