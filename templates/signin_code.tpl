{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p>{{INTRO}}</p>
{{#FORM_ERROR}}<p class="error-summary" role="alert" id="code-error">{{MSG}}</p>{{/FORM_ERROR}}
<form class="stack" method="post" action="{{ACTION}}" novalidate>
	<input type="hidden" name="csrf" value="{{CSRF}}">
	{{#NEXT_FIELD}}<input type="hidden" name="next" value="{{NEXT}}">{{/NEXT_FIELD}}
{{#KEEP}}	<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/KEEP}}	<div class="field">
		<label for="code">Code from your authenticator app</label>
		<input type="text" id="code" name="{{CODE_NAME}}" inputmode="numeric" autocomplete="one-time-code" autofocus required maxlength="32"{{#CODE_ERR}} aria-invalid="true" aria-describedby="code-err"{{/CODE_ERR}}>
		<p class="muted">Six digits, a new code every 30 seconds.{{#RECOVERY_HINT}} Lost your phone? Enter one of your recovery codes (like ABCDE-FGH23) instead.{{/RECOVERY_HINT}}</p>
		{{#CODE_ERR}}<p class="field-error" id="code-err">{{MSG}}</p>{{/CODE_ERR}}
	</div>
	<button type="submit">{{BUTTON}}</button>
</form>
{{#CANCEL}}<form method="post" action="/signout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Cancel and sign out</button></form>{{/CANCEL}}
