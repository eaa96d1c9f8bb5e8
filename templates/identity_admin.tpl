{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/identity.css">
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/queues/identity">{{_ Identity checks}}</a> &rsaquo; #{{ID}}</p>
<h1>{{_ Identity check #{ID}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="identity-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="identity-error">{{MSG}}</p>{{/ERROR}}
<dl class="amounts">
	<dt>{{_ Status}}</dt><dd id="identity-status" data-status="{{STATE}}">{{STATUS}}</dd>
	<dt>{{_ Shopper}}</dt><dd>{{EMAIL}}</dd>
	<dt>{{_ Legal name}}</dt><dd id="identity-name">{{NAME}}</dd>
	<dt>{{_ Date of birth}}</dt><dd>{{BIRTH}}</dd>
	<dt>{{_ Document}}</dt><dd id="identity-number">{{DOCUMENT}}</dd>
	<dt>{{_ Sent}}</dt><dd>{{SUBMITTED}}</dd>
</dl>
{{#PHOTO}}
<h2>{{_ Photo of the document}}</h2>
{{>PICTURES}}
{{/PHOTO}}
{{#CAN_DECIDE}}
<form method="post" action="/admin/identity/{{ID}}/decide" id="decide-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="reason">{{_ Reason (required to reject; the shopper reads it)}}</label>
	<input type="text" id="reason" name="reason" maxlength="200"></div>
	<button type="submit" name="decision" value="approve" id="approve-button">{{_ Approve}}</button>
	<button type="submit" name="decision" value="reject" class="secondary" id="reject-button">{{_ Reject}}</button>
</form>
{{/CAN_DECIDE}}
{{#DECIDED}}<p id="decided">{{_ Decided at {AT}.}} {{REASON}}</p>{{/DECIDED}}
