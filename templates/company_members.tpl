{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}: members</h1>
{{#NOTICE}}<p class="flash" role="status" id="members-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="members-error">{{MSG}}</p>{{/ERROR}}
<p class="muted">Every member acts for the company and sees its orders, schedules, documents and agreements. You may: <strong id="my-perms">{{MY_PERMS}}</strong>. <a href="/company">Company account</a></p>

<ul class="members-list" id="members">
{{#MEMBER}}
	<li class="card" id="member-{{ID}}" data-email="{{EMAIL}}">
		<p><strong>{{NAME}}</strong> <span class="wrap-anywhere">&lt;{{EMAIL}}&gt;</span><br>
		<span class="muted" data-perms>May: {{PERMS}}</span></p>
		{{#MANAGE}}
		<form method="post" action="/company/members/{{ID}}/permissions" class="inline-checks">
			<input type="hidden" name="csrf" value="{{CSRF}}">
			<label><input type="checkbox" name="can_order" value="1"{{#ORDER_ON}} checked{{/ORDER_ON}}> Place orders</label>
			<label><input type="checkbox" name="can_sign" value="1"{{#SIGN_ON}} checked{{/SIGN_ON}}> Sign agreements</label>
			<label><input type="checkbox" name="can_upload" value="1"{{#UPLOAD_ON}} checked{{/UPLOAD_ON}}> Upload documents</label>
			<button type="submit" class="secondary">Save permissions</button>
		</form>
		<form method="post" action="/company/members/{{ID}}/remove">
			<input type="hidden" name="csrf" value="{{CSRF}}">
			<button type="submit" class="link-button">Remove from the company</button>
		</form>
		{{/MANAGE}}
	</li>
{{/MEMBER}}
</ul>

{{#OWNER}}
<section aria-labelledby="invite-h">
<h2 id="invite-h">Invite a member</h2>
{{#LINK}}<p class="flash" id="invite-link-note">Invitation link: <a class="wrap-anywhere" id="invite-link" href="{{HREF}}">{{HREF}}</a></p>{{/LINK}}
<form method="post" action="/company/members/invite" id="invite-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="invite-email">Email address</label>
	<input type="email" id="invite-email" name="email" value="{{EMAIL}}" required autocomplete="off"></div>
	<fieldset class="inline-checks"><legend>They may</legend>
		<label><input type="checkbox" name="can_order" value="1" checked> Place orders</label>
		<label><input type="checkbox" name="can_sign" value="1"> Sign agreements</label>
		<label><input type="checkbox" name="can_upload" value="1"> Upload documents</label>
	</fieldset>
	<button type="submit" id="invite-button">Send invitation</button>
</form>
<p class="field-note">The link reaches someone who already has an account in their account messages; otherwise pass it on yourself (they register with the invited email, then open it). It is valid for 14 days.</p>
<h3>Waiting invitations</h3>
<ul id="invitations">{{#INVITE}}<li id="invite-{{ID}}"><span class="wrap-anywhere">{{EMAIL}}</span> · until {{UNTIL}}
	<form method="post" action="/company/members/invitations/{{ID}}/revoke" class="inline-form">
		<input type="hidden" name="csrf" value="{{CSRF}}">
		<button type="submit" class="link-button" id="revoke-{{ID}}">Revoke invitation</button>
	</form></li>{{/INVITE}}</ul>
</section>
{{/OWNER}}
