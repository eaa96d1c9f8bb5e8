{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/queues/corporate">{{_ Corporate installment applications}}</a> &rsaquo; order #{{ORDER_ID}}</p>
<h1>Corporate installment application · order #{{ORDER_ID}}</h1>
{{#NONE}}<p id="no-application">Order #{{ORDER_ID}} has no corporate installment application.</p>{{/NONE}}
{{#NOTICE}}<p class="flash" role="status" id="app-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="app-error">{{MSG}}</p>{{/ERROR}}
<dl class="amounts">
	<dt>{{_ Status}}</dt><dd id="app-status" data-status="{{STATUS_CODE}}">{{STATUS}}</dd>
	<dt>{{_ Company}}</dt><dd><a href="/admin/companies/{{COMPANY_ID}}">{{COMPANY}}</a> · qualification {{QUAL}} until {{QUAL_EXPIRES}} · completed in {{WINDOW}} days {{COMPLETED}} (INST-03, INST-04)</dd>
	<dt>{{_ Order}}</dt><dd><a href="/admin/orders/{{ORDER_ID}}">#{{ORDER_ID}}</a> · <span id="order-status">{{ORDER_STATUS}}</span> · {{AMOUNT}}</dd>
	<dt>{{_ Term}}</dt><dd>{{TERM}} months</dd>
	<dt>{{_ Submitted}}</dt><dd>{{SUBMITTED}}</dd>
	<dt>{{_ Review by (C-04)}}</dt><dd id="app-due">{{DUE}}{{#LATE}} <span class="badge badge-late">late by {{BY}}</span>{{/LATE}}</dd>
	<dt>{{_ Down payment per agreement}}</dt><dd id="app-down">{{DOWN}}</dd>
</dl>
{{#DECIDED}}<p id="decided">Decided by {{BY}} at {{AT}}. {{REASON}}</p>{{/DECIDED}}
{{#CAN_DECIDE}}
<form method="post" action="/admin/orders/{{ORDER_ID}}/corporate/decide" id="decide-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="reason">{{_ Reason (required to refuse)}}</label>
	<input type="text" id="reason" name="reason" maxlength="200"></div>
	<button type="submit" name="decision" value="approve" id="approve-button">{{_ Approve and issue the agreement}}</button>
	<button type="submit" name="decision" value="reject" class="secondary" id="reject-button">{{_ Refuse}}</button>
</form>
{{/CAN_DECIDE}}
{{#AGREEMENT}}
<h2>Agreement {{VERSION}}</h2>
<pre class="agreement" id="agreement-text">{{TEXT:pre_escape}}</pre>
<p class="field-note">{{_ SHA-256:}} <code class="sha" id="agreement-sha">{{SHA}}</code> · <a href="/orders/{{ORDER_ID}}/agreement">{{_ Download}}</a></p>
{{/AGREEMENT}}
{{#SIGNED}}<p id="signed">Signed by {{BY}} at {{AT}} from {{ADDR}}.</p>{{/SIGNED}}
{{#CAN_DOWN}}
<form method="post" action="/admin/orders/{{ORDER_ID}}/corporate/down-payment" id="down-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<fieldset><legend>{{_ Record the down payment received by bank transfer}}</legend>
	<div class="field"><label for="amount">Amount received ({{CUR}})</label>
	<input type="text" id="amount" name="amount" value="{{DOWN_PLAIN}}" inputmode="decimal" required></div>
	<div class="field"><label for="reference">{{_ Bank transfer reference}}</label>
	<input type="text" id="reference" name="reference" maxlength="64" required></div>
	<button type="submit" id="down-button">{{_ Record down payment}}</button>
	</fieldset>
</form>
{{/CAN_DOWN}}
{{#EFFECT}}
<p id="in-effect">In effect since {{AT}}: down payment {{DOWN}} (transfer {{REF}}). <a href="/admin/plans/{{PLAN_ID}}">Plan #{{PLAN_ID}}</a></p>
<p id="still-due">{{_ Still due on the plan:}} <strong>{{STILL_DUE}}</strong>.</p>
<form method="post" action="/admin/orders/{{ORDER_ID}}/corporate/repayment" id="repay-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<fieldset><legend>{{_ Record a bank transfer received from the company (INST-P3)}}</legend>
	<p class="field-note">{{_ It pays the oldest installments first, in part if it does not cover one; anything over what is due is kept as the company's credit (refundable). More than twice what is still due is refused as a likely typing error.}}</p>
	<div class="field"><label for="r-amount">Amount received ({{CUR}})</label>
	<input type="text" id="r-amount" name="amount" inputmode="decimal" required{{#AMOUNT_ERR}} aria-invalid="true" aria-describedby="r-amount-err"{{/AMOUNT_ERR}}>
	{{#AMOUNT_ERR}}<p class="field-error" id="r-amount-err">{{MSG}}</p>{{/AMOUNT_ERR}}</div>
	<div class="field"><label for="r-reference">{{_ Bank transfer reference}}</label>
	<input type="text" id="r-reference" name="reference" maxlength="64" required></div>
	<button type="submit" id="repay-button">{{_ Record transfer}}</button>
	</fieldset>
</form>
{{#HAS_TRANSFERS}}
<h2>{{_ Transfers recorded}}</h2>
<div class="table-scroll"><table id="transfers" class="responsive">
<thead><tr><th scope="col">#</th><th scope="col">{{_ Recorded}}</th><th scope="col">{{_ Amount}}</th><th scope="col">{{_ Reference}}</th><th scope="col">{{_ By}}</th><th scope="col">{{_ Allocation}}</th><th scope="col">{{_ Company credit}}</th></tr></thead>
<tbody>
{{#TRANSFER}}<tr class="transfer" data-transfer="{{TID}}"><td data-label="#">{{TID}}</td><td data-label="{{_ Recorded}}">{{AT}}</td><td data-label="{{_ Amount}}">{{AMOUNT}}</td><td data-label="{{_ Reference}}" class="wrap-anywhere">{{REF}}</td><td data-label="{{_ By}}" class="wrap-anywhere">{{BY}}</td><td data-label="{{_ Allocation}}"><ul class="allocation">{{#LINE}}<li>Installment {{SEQ}}: {{AMOUNT}} ({{HOW}})</li>{{/LINE}}</ul></td><td data-label="{{_ Company credit}}">{{EXCESS}}</td></tr>
{{/TRANSFER}}
</tbody></table></div>
{{/HAS_TRANSFERS}}
{{/EFFECT}}
