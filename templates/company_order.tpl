{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Corporate installment · order #{ID}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="corp-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="corp-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ Order status:}} <strong id="order-status">{{ORDER_STATUS}}</strong> · {{_ amount to pay {AMOUNT} · down payment {PERCENT}% =}} <span id="down-payment">{{DOWN}}</span> {{_ (INST-CORP) ·}} <a href="/orders/{{ID}}">{{_ order page}}</a></p>
{{#APPLY}}
<form method="post" action="/orders/{{ID}}/corporate/apply" id="apply-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<fieldset><legend>{{_ Apply for corporate installment: term (INST-CORP, 3-6 months)}}</legend>
	{{#TERM}}<label><input type="radio" name="term" value="{{N}}"{{#CHECKED}} checked{{/CHECKED}}> {{_ {N} months}}</label> {{/TERM}}
	</fieldset>
	<p class="field-note">{{_ An admin reviews the application within 1-3 business days; the due date is shown once you apply.}}</p>
	<button type="submit" id="apply-button">{{_ Submit application}}</button>
</form>
{{/APPLY}}
{{#NO_APP}}<p>{{_ No corporate installment application for this order (status {STATUS}).}}</p>{{/NO_APP}}
{{#APP}}
<section aria-labelledby="app-h">
<h2 id="app-h">{{_ Application #{APP_ID}}}</h2>
<p>{{_ Status:}} <strong id="app-status" data-status="{{STATUS_CODE}}">{{STATUS}}</strong> · {{_ {TERM} months · submitted {SUBMITTED} · review due by}} <span id="review-due">{{REVIEW_DUE}}</span></p>
{{#WAITING}}<p id="waiting">{{_ An admin reviews it by {DATE}; the result arrives as a message.}}</p>{{/WAITING}}
{{#REJECTED}}<p class="error-summary" id="app-rejected">{{_ Refused: {REASON}}}</p>{{/REJECTED}}
{{#AGREEMENT}}
<h3>{{_ Agreement {VERSION}}}</h3>
<pre class="agreement" id="agreement-text">{{TEXT:pre_escape}}</pre>
<p class="field-note">{{_ SHA-256 of this text:}} <code class="sha" id="agreement-sha">{{SHA}}</code> · <a href="/orders/{{ID}}/agreement" id="agreement-download">{{_ Download the agreement}}</a> · <a href="/orders/{{ID}}/agreement.pdf" id="agreement-pdf">{{_ as PDF}}</a></p>
{{#SIGN}}
<form method="post" action="/orders/{{ID}}/corporate/sign" id="sign-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="sha256" value="{{SHA}}">
	<div class="field"><label><input type="checkbox" name="agree" value="yes" id="agree" required> {{_ I have read and accept the agreement for my company}}</label></div>
	<button type="submit" id="sign-button">{{_ Sign the agreement}}</button>
</form>
{{/SIGN}}
{{#SIGNED}}<p id="signed">{{_ Signed by {BY} at {AT} from {ADDR}.}}</p>{{/SIGNED}}
{{#AWAIT_DOWN}}<section id="await-down" aria-labelledby="await-down-h">
<h3 id="await-down-h">{{_ Next: the down payment by bank transfer}}</h3>
<dl class="amounts" id="down-payee">
	<dt>{{_ Amount}}</dt><dd id="down-amount">{{DOWN}}</dd>
	<dt>{{_ Pay to}}</dt><dd id="payee-name">{{PAYEE}}</dd>
	<dt>{{_ Bank}}</dt><dd id="payee-bank">{{BANK}}</dd>
	<dt>{{_ Account}}</dt><dd id="payee-account">{{ACCOUNT}}</dd>
	<dt>{{_ Reference to quote}}</dt><dd><strong id="payee-ref">{{REF}}</strong></dd>
</dl>
<p class="field-note">{{_ The agreement takes effect when the mall records the transfer; the order ships after that.}}</p>
</section>{{/AWAIT_DOWN}}
{{#EFFECT}}<p id="in-effect">{{_ In effect since {AT}: down payment {DOWN} received (transfer {REF}).}} <a href="/orders/{{ID}}/schedule">{{_ Repayment schedule}}</a></p>{{/EFFECT}}
{{/AGREEMENT}}
</section>
{{/APP}}
