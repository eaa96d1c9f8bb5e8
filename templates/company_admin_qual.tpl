{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; <a href="/admin/queues/qualifications">Corporate qualifications</a> &rsaquo; #{{ID}}</p>
<h1>Qualification #{{ID}} · {{COMPANY}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="qual-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="qual-error">{{MSG}}</p>{{/ERROR}}
<dl class="amounts">
	<dt>Status</dt><dd id="qual-status" data-status="{{STATUS}}">{{STATUS}}</dd>
	<dt>Company</dt><dd><a href="/admin/companies/{{COMPANY_ID}}">{{COMPANY}}</a> ({{COMPANY_STATUS}})</dd>
	<dt>Submitted</dt><dd>{{SUBMITTED}}</dd>
	<dt>Review by (C-04)</dt><dd id="qual-due">{{DUE}}{{#LATE}} <span class="badge badge-late">late by {{BY}}</span>{{/LATE}}</dd>
	<dt>Licence expires</dt><dd id="qual-licence">{{LICENCE}}</dd>
</dl>
<h2>Documents</h2>
<ul id="qual-documents" class="plain-list">{{#DOC}}<li><h3>{{KIND}}</h3> <a href="/company/documents/{{ID}}" data-doc-id="{{ID}}" download>Download the original</a> <span class="muted">({{MIME}}, {{SIZE}} bytes; what is shown below is a picture drawn from it)</span>{{>PICTURES}}</li>{{/DOC}}</ul>
{{#CAN_START}}
<form method="post" action="/admin/companies/{{COMPANY_ID}}/qualification/start" id="start-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="submission" value="{{ID}}">
	<button type="submit" class="secondary" id="start-button">Start review</button>
</form>
{{/CAN_START}}
{{#CAN_DECIDE}}
<form method="post" action="/admin/companies/{{COMPANY_ID}}/qualification/decide" id="decide-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="submission" value="{{ID}}">
	<div class="field"><label for="reason">Reason (required to reject; the company reads it)</label>
	<input type="text" id="reason" name="reason" maxlength="200"></div>
	<button type="submit" name="decision" value="approve" id="approve-button">Approve</button>
	<button type="submit" name="decision" value="reject" class="secondary" id="reject-button">Reject</button>
</form>
{{/CAN_DECIDE}}
{{#DECIDED}}<p id="decided">Decided by {{BY}} at {{AT}} ({{DECISION}}). {{REASON}}</p>{{/DECIDED}}
