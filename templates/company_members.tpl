{{%AUTOESCAPE context="HTML"}}
<h1>{{_ {NAME}: members}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="members-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="members-error">{{MSG}}</p>{{/ERROR}}
<p class="muted">{{_ Every member acts for the company and sees its orders, schedules, documents and agreements. You may:}} <strong id="my-perms">{{MY_PERMS}}</strong>. <a href="/company">{{_ Company account}}</a></p>

<ul class="members-list" id="members">
{{#MEMBER}}
	<li class="card" id="member-{{ID}}" data-email="{{EMAIL}}">
		<p><strong>{{NAME}}</strong> <span class="wrap-anywhere">{{_ <{EMAIL}>}}</span><br>
		<span class="muted" data-perms>{{_ May: {PERMS}}}</span></p>
		{{#MANAGE}}
		<form method="post" action="/company/members/{{ID}}/permissions" class="inline-checks">
			<input type="hidden" name="csrf" value="{{CSRF}}">
			<label><input type="checkbox" name="can_order" value="1"{{#ORDER_ON}} checked{{/ORDER_ON}}> {{_ Place orders}}</label>
			<label><input type="checkbox" name="can_sign" value="1"{{#SIGN_ON}} checked{{/SIGN_ON}}> {{_ Sign agreements}}</label>
			<label><input type="checkbox" name="can_upload" value="1"{{#UPLOAD_ON}} checked{{/UPLOAD_ON}}> {{_ Upload documents}}</label>
			<button type="submit" class="secondary">{{_ Save permissions}}</button>
		</form>
		<form method="post" action="/company/members/{{ID}}/remove">
			<input type="hidden" name="csrf" value="{{CSRF}}">
			<button type="submit" class="link-button">{{_ Remove from the company}}</button>
		</form>
		{{/MANAGE}}
	</li>
{{/MEMBER}}
</ul>

{{#OWNER}}
<section aria-labelledby="invite-h">
<h2 id="invite-h">{{_ Invite a member}}</h2>
{{#LINK}}<p class="flash" id="invite-link-note">{{_ Invitation link:}} <a class="wrap-anywhere" id="invite-link" href="{{HREF}}">{{HREF}}</a></p>{{/LINK}}
<form method="post" action="/company/members/invite" id="invite-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="invite-email">{{_ Email address}}</label>
	<input type="email" id="invite-email" name="email" value="{{EMAIL}}" required autocomplete="off"></div>
	<fieldset class="inline-checks"><legend>{{_ They may}}</legend>
		<label><input type="checkbox" name="can_order" value="1" checked> {{_ Place orders}}</label>
		<label><input type="checkbox" name="can_sign" value="1"> {{_ Sign agreements}}</label>
		<label><input type="checkbox" name="can_upload" value="1"> {{_ Upload documents}}</label>
	</fieldset>
	<button type="submit" id="invite-button">{{_ Send invitation}}</button>
</form>
<p class="field-note">{{_ The link reaches someone who already has an account in their account messages; otherwise pass it on yourself (they register with the invited email, then open it). It is valid for 14 days.}}</p>
<h3>{{_ Waiting invitations}}</h3>
<ul id="invitations">{{#INVITE}}<li id="invite-{{ID}}"><span class="wrap-anywhere">{{EMAIL}}</span> · {{_ until {UNTIL}}}
	<form method="post" action="/company/members/invitations/{{ID}}/revoke" class="inline-form">
		<input type="hidden" name="csrf" value="{{CSRF}}">
		<button type="submit" class="link-button" id="revoke-{{ID}}">{{_ Revoke invitation}}</button>
	</form></li>{{/INVITE}}</ul>
</section>
{{/OWNER}}
