{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Join {COMPANY}}}</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="invitation-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ {COMPANY} invites}} <strong class="wrap-anywhere">{{EMAIL}}</strong> {{_ to act for it as a member. You may:}} <strong id="invite-perms">{{PERMS}}</strong>{{_ . Members see the company's orders, schedules, documents and agreements.}}</p>
{{#SIGNED_IN}}
<form method="post" action="/company/invitations/{{TOKEN}}/accept" id="accept-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p class="muted">{{_ Signed in as}} <span class="wrap-anywhere">{{ME}}</span>.</p>
	<button type="submit" id="accept-button">{{_ Accept and join}}</button>
</form>
{{/SIGNED_IN}}
{{#ANON}}
<p><a class="button" href="/signin?next={{NEXT}}" id="invite-signin">{{_ Sign in with this email}}</a> {{_ or}} <a href="/register" id="invite-register">{{_ register with it}}</a>{{_ , then open this link again.}}</p>
{{/ANON}}
