{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Sign in}}</h1>
{{#NOTICE}}<p class="flash" role="status">{{MSG}}</p>{{/NOTICE}}
{{#FORM_ERROR}}<p class="error-summary" role="alert" id="signin-error">{{MSG}}</p>{{/FORM_ERROR}}
<form class="stack" method="post" action="/signin" novalidate>
	<input type="hidden" name="csrf" value="{{CSRF}}">
	{{#NEXT_FIELD}}<input type="hidden" name="next" value="{{NEXT}}">{{/NEXT_FIELD}}
	<div class="field">
		<label for="email">{{_ Email}}</label>
		<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="username" required maxlength="254"{{#EMAIL_ERR}} aria-invalid="true" aria-describedby="email-err"{{/EMAIL_ERR}}>
		{{#EMAIL_ERR}}<p class="field-error" id="email-err">{{MSG}}</p>{{/EMAIL_ERR}}
	</div>
	<div class="field">
		<label for="password">{{_ Password}}</label>
		<input type="password" id="password" name="password" autocomplete="current-password" required maxlength="1024"{{#PASSWORD_ERR}} aria-invalid="true" aria-describedby="password-err"{{/PASSWORD_ERR}}>
		{{#PASSWORD_ERR}}<p class="field-error" id="password-err">{{MSG}}</p>{{/PASSWORD_ERR}}
	</div>
	<button type="submit">{{_ Sign in}}</button>
</form>
<p class="muted">{{_ New here?}} <a href="/register">{{_ Create a shopper account}}</a>.</p>
