{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Create a shopper account}}</h1>
{{#FORM_ERROR}}<p class="error-summary" role="alert">{{MSG}}</p>{{/FORM_ERROR}}
<form class="stack" method="post" action="/register" novalidate>
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field">
		<label for="email">{{_ Email}}</label>
		<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" required maxlength="254"{{#EMAIL_ERR}} aria-invalid="true" aria-describedby="email-err"{{/EMAIL_ERR}}>
		{{#EMAIL_ERR}}<p class="field-error" id="email-err">{{MSG}}</p>{{/EMAIL_ERR}}
	</div>
	<div class="field">
		<label for="name">{{_ Full name}}</label>
		<input type="text" id="name" name="name" value="{{NAME}}" autocomplete="name" required maxlength="120"{{#NAME_ERR}} aria-invalid="true" aria-describedby="name-err"{{/NAME_ERR}}>
		{{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
	</div>
	<div class="field">
		<label for="password">{{_ Password}}</label>
		<input type="password" id="password" name="password" autocomplete="new-password" required minlength="12" maxlength="1024" aria-describedby="password-hint{{#PASSWORD_ERR}} password-err{{/PASSWORD_ERR}}"{{#PASSWORD_ERR}} aria-invalid="true"{{/PASSWORD_ERR}}>
		<p class="hint" id="password-hint">{{_ At least 12 characters.}}</p>
		{{#PASSWORD_ERR}}<p class="field-error" id="password-err">{{MSG}}</p>{{/PASSWORD_ERR}}
	</div>
	<div class="field">
		<label for="confirm">{{_ Repeat the password}}</label>
		<input type="password" id="confirm" name="confirm" autocomplete="new-password" required maxlength="1024"{{#CONFIRM_ERR}} aria-invalid="true" aria-describedby="confirm-err"{{/CONFIRM_ERR}}>
		{{#CONFIRM_ERR}}<p class="field-error" id="confirm-err">{{MSG}}</p>{{/CONFIRM_ERR}}
	</div>
	<button type="submit">{{_ Create account}}</button>
</form>
<p class="muted">{{_ Already registered?}} <a href="/signin">{{_ Sign in}}</a>.</p>
