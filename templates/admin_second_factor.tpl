{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; Sign-in codes</p>
<h1>Admins' sign-in codes</h1>
<p class="muted">Every admin signs in with a password and a code from an authenticator app. When an admin loses the phone and the recovery codes, reset their code here: they set up the app again at their next sign-in, and their open sessions end.</p>
{{#NOTICE}}<p class="flash" role="status" id="mfa-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="mfa-error">{{MSG}}</p>{{/ERROR}}
<table class="admin-table responsive">
	<thead><tr><th scope="col">Admin</th><th scope="col">Email</th><th scope="col">Authenticator app</th><th scope="col" class="num">Recovery codes left</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
	<tbody>
{{#ADMIN}}		<tr><td data-label="Admin">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Authenticator app">{{STATE}}</td><td data-label="Recovery codes left" class="num">{{LEFT}}</td>
		<td data-label="Action">{{#RESET}}<form method="post" action="/admin/admins/{{ID}}/reset-2fa"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Reset sign-in code</button></form>{{/RESET}}{{#YOU}}<span class="muted">you</span>{{/YOU}}</td></tr>
{{/ADMIN}}	</tbody>
</table>
