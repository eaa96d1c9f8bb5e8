{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/queues/qualifications">{{_ Corporate qualifications}}</a> &rsaquo; #{{ID}}</p>
<h1>Qualification #{{ID}} · {{COMPANY}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="qual-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="qual-error">{{MSG}}</p>{{/ERROR}}
<dl class="amounts">
	<dt>{{_ Status}}</dt><dd id="qual-status" data-status="{{STATUS}}">{{STATUS}}</dd>
	<dt>{{_ Company}}</dt><dd><a href="/admin/companies/{{COMPANY_ID}}">{{COMPANY}}</a> ({{COMPANY_STATUS}})</dd>
	<dt>{{_ Submitted}}</dt><dd>{{SUBMITTED}}</dd>
	<dt>{{_ Review by (C-04)}}</dt><dd id="qual-due">{{DUE}}{{#LATE}} <span class="badge badge-late">late by {{BY}}</span>{{/LATE}}</dd>
	<dt>{{_ Licence expires}}</dt><dd id="qual-licence">{{LICENCE}}</dd>
</dl>
<h2>{{_ Documents}}</h2>
<ul id="qual-documents" class="plain-list">{{#DOC}}<li><h3>{{KIND}}</h3> <a href="/company/documents/{{ID}}" data-doc-id="{{ID}}" download>{{_ Download the original}}</a> <span class="muted">({{MIME}}, {{SIZE}} bytes; what is shown below is a picture drawn from it)</span>{{>PICTURES}}</li>{{/DOC}}</ul>
{{#CAN_START}}
<form method="post" action="/admin/companies/{{COMPANY_ID}}/qualification/start" id="start-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="submission" value="{{ID}}">
	<button type="submit" class="secondary" id="start-button">{{_ Start review}}</button>
</form>
{{/CAN_START}}
{{#CAN_DECIDE}}
<form method="post" action="/admin/companies/{{COMPANY_ID}}/qualification/decide" id="decide-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="submission" value="{{ID}}">
	<div class="field"><label for="reason">{{_ Reason (required to reject; the company reads it)}}</label>
	<input type="text" id="reason" name="reason" maxlength="200"></div>
	<button type="submit" name="decision" value="approve" id="approve-button">{{_ Approve}}</button>
	<button type="submit" name="decision" value="reject" class="secondary" id="reject-button">{{_ Reject}}</button>
</form>
{{/CAN_DECIDE}}
{{#DECIDED}}<p id="decided">Decided by {{BY}} at {{AT}} ({{DECISION}}). {{REASON}}</p>{{/DECIDED}}
