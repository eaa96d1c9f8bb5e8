{{%AUTOESCAPE context="HTML"}}
<h1>Join {{COMPANY}}</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="invitation-error">{{MSG}}</p>{{/ERROR}}
<p>{{COMPANY}} invites <strong class="wrap-anywhere">{{EMAIL}}</strong> to act for it as a member. You may: <strong id="invite-perms">{{PERMS}}</strong>. Members see the company's orders, schedules, documents and agreements.</p>
{{#SIGNED_IN}}
<form method="post" action="/company/invitations/{{TOKEN}}/accept" id="accept-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p class="muted">Signed in as <span class="wrap-anywhere">{{ME}}</span>.</p>
	<button type="submit" id="accept-button">Accept and join</button>
</form>
{{/SIGNED_IN}}
{{#ANON}}
<p><a class="button" href="/signin?next={{NEXT}}" id="invite-signin">Sign in with this email</a> or <a href="/register" id="invite-register">register with it</a>, then open this link again.</p>
{{/ANON}}
