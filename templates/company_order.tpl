{{%AUTOESCAPE context="HTML"}}
<h1>Corporate installment · order #{{ID}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="corp-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="corp-error">{{MSG}}</p>{{/ERROR}}
<p>Order status: <strong id="order-status">{{ORDER_STATUS}}</strong> · amount to pay {{AMOUNT}} · down payment {{PERCENT}}% = <span id="down-payment">{{DOWN}}</span> (INST-CORP) · <a href="/orders/{{ID}}">order page</a></p>
{{#APPLY}}
<form method="post" action="/orders/{{ID}}/corporate/apply" id="apply-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<fieldset><legend>Apply for corporate installment: term (INST-CORP, 3-6 months)</legend>
	{{#TERM}}<label><input type="radio" name="term" value="{{N}}"{{#CHECKED}} checked{{/CHECKED}}> {{N}} months</label> {{/TERM}}
	</fieldset>
	<p class="field-note">An admin reviews the application within 1-3 business days; the due date is shown once you apply.</p>
	<button type="submit" id="apply-button">Submit application</button>
</form>
{{/APPLY}}
{{#NO_APP}}<p>No corporate installment application for this order (status {{STATUS}}).</p>{{/NO_APP}}
{{#APP}}
<section aria-labelledby="app-h">
<h2 id="app-h">Application #{{APP_ID}}</h2>
<p>Status: <strong id="app-status" data-status="{{STATUS_CODE}}">{{STATUS}}</strong> · {{TERM}} months · submitted {{SUBMITTED}} · review due by <span id="review-due">{{REVIEW_DUE}}</span></p>
{{#WAITING}}<p id="waiting">An admin reviews it by {{DATE}}; the result arrives as a message.</p>{{/WAITING}}
{{#REJECTED}}<p class="error-summary" id="app-rejected">Refused: {{REASON}}</p>{{/REJECTED}}
{{#AGREEMENT}}
<h3>Agreement {{VERSION}}</h3>
<pre class="agreement" id="agreement-text">{{TEXT:pre_escape}}</pre>
<p class="field-note">SHA-256 of this text: <code class="sha" id="agreement-sha">{{SHA}}</code> · <a href="/orders/{{ID}}/agreement" id="agreement-download">Download the agreement</a> · <a href="/orders/{{ID}}/agreement.pdf" id="agreement-pdf">as PDF</a></p>
{{#SIGN}}
<form method="post" action="/orders/{{ID}}/corporate/sign" id="sign-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="sha256" value="{{SHA}}">
	<div class="field"><label><input type="checkbox" name="agree" value="yes" id="agree" required> I have read and accept the agreement for my company</label></div>
	<button type="submit" id="sign-button">Sign the agreement</button>
</form>
{{/SIGN}}
{{#SIGNED}}<p id="signed">Signed by {{BY}} at {{AT}} from {{ADDR}}.</p>{{/SIGNED}}
{{#AWAIT_DOWN}}<section id="await-down" aria-labelledby="await-down-h">
<h3 id="await-down-h">Next: the down payment by bank transfer</h3>
<dl class="amounts" id="down-payee">
	<dt>Amount</dt><dd id="down-amount">{{DOWN}}</dd>
	<dt>Pay to</dt><dd id="payee-name">{{PAYEE}}</dd>
	<dt>Bank</dt><dd id="payee-bank">{{BANK}}</dd>
	<dt>Account</dt><dd id="payee-account">{{ACCOUNT}}</dd>
	<dt>Reference to quote</dt><dd><strong id="payee-ref">{{REF}}</strong></dd>
</dl>
<p class="field-note">The agreement takes effect when the mall records the transfer; the order ships after that.</p>
</section>{{/AWAIT_DOWN}}
{{#EFFECT}}<p id="in-effect">In effect since {{AT}}: down payment {{DOWN}} received (transfer {{REF}}). <a href="/orders/{{ID}}/schedule">Repayment schedule</a></p>{{/EFFECT}}
{{/AGREEMENT}}
</section>
{{/APP}}
