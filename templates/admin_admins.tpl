{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Admins and roles}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="admins-notice">{{MSG}}</p>{{/NOTICE}}
{{#LINK}}<p class="flash" id="invite-link-note">{{_ Invitation link (shown once):}} <a class="wrap-anywhere" id="invite-link" href="{{HREF}}">{{HREF}}</a></p>{{/LINK}}
{{#ERROR}}<p class="error-summary" role="alert" id="admins-error">{{MSG}}</p>{{/ERROR}}
<dl class="admin-roles-help">
{{#HELP}}	<div><dt>{{LABEL}}</dt><dd>{{DOES}}</dd></div>
{{/HELP}}</dl>
<div class="table-wrap">
<table class="admin-table" id="admins">
<thead><tr><th scope="col">{{_ Admin}}</th><th scope="col">{{_ Roles}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Last sign-in}}</th><th scope="col">{{_ Change}}</th></tr></thead>
<tbody>
{{#ADMIN}}<tr id="admin-{{ID}}" data-email="{{EMAIL}}">
	<td><strong>{{NAME}}</strong><br><span class="wrap-anywhere muted">{{EMAIL}}</span></td>
	<td data-roles="{{ROLE_NAMES}}"><span class="cell-label">{{_ Roles:}} </span>{{ROLES}}</td>
	<td data-status="{{STATUS_KEY}}"><span class="cell-label">{{_ Status:}} </span>{{STATUS}}</td>
	<td><span class="cell-label">{{_ Last sign-in:}} </span>{{LAST}}</td>
	<td>
	<form method="post" action="/admin/admins/{{ID}}/roles" class="inline-checks" id="roles-form-{{ID}}">
		<input type="hidden" name="csrf" value="{{CSRF}}">
		<fieldset><legend class="sr-only">{{_ Roles of {EMAIL}}}</legend>
		{{#ROLE}}<label><input type="checkbox" name="role_{{RNAME}}" value="1"{{#ON}} checked{{/ON}}> {{RLABEL}}</label>
		{{/ROLE}}</fieldset>
		<button type="submit" class="secondary" id="roles-save-{{ID}}">{{_ Save roles}}</button>
		{{#ROW_ERROR}}<p class="field-error" role="alert" id="admin-{{ID}}-error">{{MSG}}</p>{{/ROW_ERROR}}
	</form>
	{{#CAN_DISABLE}}<form method="post" action="/admin/admins/{{ID}}/disable" class="inline-form">
		<input type="hidden" name="csrf" value="{{CSRF}}">
		<button type="submit" class="link-button" id="disable-{{ID}}">{{_ Disable}}</button>
	</form>{{/CAN_DISABLE}}
	{{#CAN_ENABLE}}<form method="post" action="/admin/admins/{{ID}}/enable" class="inline-form">
		<input type="hidden" name="csrf" value="{{CSRF}}">
		<button type="submit" class="link-button" id="enable-{{ID}}">{{_ Enable}}</button>
	</form>{{/CAN_ENABLE}}
	</td>
</tr>
{{/ADMIN}}</tbody>
</table>
</div>

<section aria-labelledby="invite-h">
<h2 id="invite-h">{{_ Invite an admin}}</h2>
<form method="post" action="/admin/admins/invite" id="invite-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="invite-email">{{_ Email address}}</label>
	<input type="email" id="invite-email" name="email" value="{{EMAIL}}" required autocomplete="off"{{#EMAIL_ERR}} aria-invalid="true" aria-describedby="invite-email-err"{{/EMAIL_ERR}}>
	{{#EMAIL_ERR}}<p class="field-error" id="invite-email-err">{{MSG}}</p>{{/EMAIL_ERR}}</div>
	<fieldset class="inline-checks"{{#ROLES_ERR}} aria-describedby="invite-roles-err"{{/ROLES_ERR}}><legend>{{_ Roles}}</legend>
	{{#INVITE_ROLE}}<label><input type="checkbox" name="role_{{RNAME}}" value="1"> {{RLABEL}}</label>
	{{/INVITE_ROLE}}{{#ROLES_ERR}}<p class="field-error" id="invite-roles-err">{{MSG}}</p>{{/ROLES_ERR}}</fieldset>
	<button type="submit" id="invite-button">{{_ Invite}}</button>
</form>
<p class="field-note">{{_ The invitee opens the link, chooses a password and signs in. Pass the link on yourself; it works once, for 7 days.}}</p>
</section>
