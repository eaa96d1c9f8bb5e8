{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{_ Sign-in codes}}</p>
<h1>{{_ Admins' sign-in codes}}</h1>
<p class="muted">{{_ Every admin signs in with a password and a code from an authenticator app. When an admin loses the phone and the recovery codes, reset their code here: they set up the app again at their next sign-in, and their open sessions end.}}</p>
{{#NOTICE}}<p class="flash" role="status" id="mfa-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="mfa-error">{{MSG}}</p>{{/ERROR}}
<table class="admin-table responsive">
	<thead><tr><th scope="col">{{_ Admin}}</th><th scope="col">{{_ Email}}</th><th scope="col">{{_ Authenticator app}}</th><th scope="col" class="num">{{_ Recovery codes left}}</th><th scope="col"><span class="visually-hidden">{{_ Action}}</span></th></tr></thead>
	<tbody>
{{#ADMIN}}		<tr><td data-label="{{_ Admin}}">{{NAME}}</td><td data-label="{{_ Email}}">{{EMAIL}}</td><td data-label="{{_ Authenticator app}}">{{STATE}}</td><td data-label="{{_ Recovery codes left}}" class="num">{{LEFT}}</td>
		<td data-label="{{_ Action}}">{{#RESET}}<form method="post" action="/admin/admins/{{ID}}/reset-2fa"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{_ Reset sign-in code}}</button></form>{{/RESET}}{{#YOU}}<span class="muted">{{_ you}}</span>{{/YOU}}</td></tr>
{{/ADMIN}}	</tbody>
</table>
