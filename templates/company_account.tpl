{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="company-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="company-error">{{MSG}}</p>{{/ERROR}}
<p class="muted">{{_ Company account ({COUNTRY}). Every member acts for the company: its orders, documents and applications.}}</p>

<section aria-labelledby="qual-h">
<h2 id="qual-h">{{_ Qualification (INST-03)}}</h2>
<p>{{_ Status:}} <strong id="qual-status" data-status="{{STATUS_CODE}}">{{STATUS}}</strong>{{#EXPIRES}} · {{_ licence valid until}} <span id="qual-expires">{{DATE}}</span>{{/EXPIRES}}</p>
{{#SUBMISSION}}
<div class="card" id="submission" data-id="{{ID}}" data-status="{{STATUS_CODE}}">
	<p>{{_ Latest submission #{ID}:}} <strong id="submission-status">{{STATUS}}</strong>{{#DUE}} · {{_ review due by}} <strong id="review-due">{{DATE}}</strong> {{_ (1-3 business days, C-04)}}{{/DUE}}{{#LICENCE}} · {{_ licence expires {DATE}}}{{/LICENCE}}</p>
	{{#REJECTED}}<p class="error-summary" id="rejected-reason">{{_ Rejected: {REASON}. Upload corrected documents and submit again.}}</p>{{/REJECTED}}
	<ul class="documents" id="documents">
	{{#DOC}}<li><a href="/company/documents/{{ID}}" data-doc-id="{{ID}}">{{KIND}}</a> · {{_ {MIME}, {SIZE} bytes · uploaded {AT}}}</li>{{/DOC}}
	</ul>
</div>
{{/SUBMISSION}}
{{#CAN_UPLOAD}}
<form method="post" action="/company/documents" enctype="multipart/form-data" id="upload-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<fieldset>
		<legend>{{_ Upload a document (PDF, JPEG or PNG, at most 10 MB; stored encrypted)}}</legend>
		<div class="field"><label><input type="radio" name="kind" value="licence"{{#KIND_LICENCE}} checked{{/KIND_LICENCE}}> {{_ Business licence}}</label>
		<label><input type="radio" name="kind" value="statements"{{#KIND_STATEMENTS}} checked{{/KIND_STATEMENTS}}> {{_ Financial statements}}</label>
		{{#KIND_ERR}}<p class="field-error" id="kind-error">{{MSG}}</p>{{/KIND_ERR}}</div>
		<div class="field"><label for="expires">{{_ Licence expiry date (business licence only)}}</label>
		<input type="date" id="expires" name="expires" value="{{EXPIRES}}"{{#EXPIRES_ERR}} aria-invalid="true" aria-describedby="expires-error"{{/EXPIRES_ERR}}>
		{{#EXPIRES_ERR}}<p class="field-error" id="expires-error">{{MSG}}</p>{{/EXPIRES_ERR}}</div>
		<div class="field"><label for="document">{{_ File}}</label>
		<input type="file" id="document" name="document" accept="application/pdf,image/jpeg,image/png" required data-max-bytes="10485760"{{#DOC_ERR}} aria-invalid="true" aria-describedby="document-error"{{/DOC_ERR}}>
		{{#DOC_ERR}}<p class="field-error" id="document-error">{{MSG}}</p>{{/DOC_ERR}}
		<p class="field-error" id="document-size-error" hidden>{{_ This file is larger than 10 MB: a PDF, JPEG or PNG of at most 10 MB; reduce it or scan at a lower resolution.}}</p></div>
		<button type="submit" id="upload-button">{{_ Upload}}</button>
	</fieldset>
</form>
<script src="/static/company.js" defer></script>
{{/CAN_UPLOAD}}
{{#NO_UPLOAD}}<p class="muted" id="no-upload">{{_ Your company's owner has not allowed you to upload documents.}}</p>{{/NO_UPLOAD}}
{{#CAN_SUBMIT}}
<form method="post" action="/company/qualification/submit" id="submit-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p>{{_ When the business licence and the financial statements are uploaded, submit them for review.}}</p>
	<button type="submit" id="submit-button">{{_ Submit for review}}</button>
</form>
{{/CAN_SUBMIT}}
<details><summary>{{_ Earlier submissions}}</summary>
<ul id="history">{{#HISTORY}}<li>#{{ID}} {{STATUS}} · {{AT}} {{REASON}}</li>{{/HISTORY}}</ul>
</details>
</section>

<section aria-labelledby="limits-h">
<h2 id="limits-h">{{_ Limits and agreements}}</h2>
<dl class="amounts">
	<dt>{{_ Completed orders, last {WINDOW} days (INST-04)}}</dt><dd id="completed-90d">{{COMPLETED}}</dd>
	<dt>{{_ Corporate installment needs}}</dt><dd>{{_ {COMPLETED_MIN} (the company {INST04} it)}}</dd>
	<dt>{{_ Long-term agreement}}</dt><dd id="agreement">{{AGREEMENT}}</dd>
	<dt>{{_ COD limit (COD-02)}}</dt><dd id="cod-limit">{{COD_LIMIT}}</dd>
	<dt>{{_ Remittance quota (REM-02)}}</dt><dd id="remit-quota">{{REMIT_QUOTA}}</dd>
</dl>
</section>

<section aria-labelledby="members-h">
<h2 id="members-h">{{_ Members}}</h2>
<ul id="members">{{#MEMBER}}<li>{{NAME}} <span class="wrap-anywhere">{{_ <{EMAIL}>}}</span></li>{{/MEMBER}}</ul>
<p><a href="/company/members" id="members-link">{{_ Members and what each may do}}</a></p>
</section>

<section aria-labelledby="corders-h">
<h2 id="corders-h">{{_ Company orders}}</h2>
<ul id="company-orders">{{#ORDER}}<li><a href="{{HREF}}">{{_ Order #{ID}}}</a> · {{METHOD}} · {{STATUS}} · <span class="nowrap">{{AMOUNT}}</span></li>{{/ORDER}}</ul>
</section>
