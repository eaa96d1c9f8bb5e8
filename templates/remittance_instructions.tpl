{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/remittance.css">
<article class="remit-instructions" id="remit-instructions">
<h1>{{_ Pay order #{ID} by post office remittance}}</h1>
<p class="order-status" data-status="{{STATUS_CODE}}">{{_ Order #{ID} status:}} <strong id="order-status">{{STATE}}</strong></p>
<p class="remit-lead">{{_ Fill in the post office's remittance form with the details below (REM-P1). Keep the receipt: you upload it afterwards.}}</p>
<dl class="remit-form" id="remit-form">
	<dt>{{_ Payee account name}}</dt><dd id="payee-name">{{PAYEE_NAME}}</dd>
	<dt>{{_ Payee account number}}</dt><dd id="payee-account">{{PAYEE_ACCOUNT}}</dd>
	<dt>{{_ Payee address}}</dt><dd id="payee-address">{{PAYEE_ADDRESS}}, {{PAYEE_COUNTRY}}</dd>
	<dt>{{_ Postal code}}</dt><dd id="payee-postal">{{PAYEE_POSTAL}}</dd>
	<dt>{{_ Amount and currency}}</dt><dd id="remit-amount">{{_ {AMOUNT} (remit in {CURRENCY}, the order's settlement currency)}}</dd>
	{{#STILL_DUE}}<dt>{{_ Already received}}</dt><dd>{{RECEIVED}}</dd><dt>{{_ Still due (REM-P7)}}</dt><dd id="remit-still-due">{{DUE}}</dd>{{/STILL_DUE}}
	<dt>{{_ Remittance code}}</dt><dd class="remit-code" id="rf-code">{{CODE}}</dd>
	<dt>{{_ Remarks}}</dt><dd id="remit-remarks">{{_ Write the order number}} <strong>#{{ID}}</strong> {{_ and this code}} <strong>{{CODE}}</strong> {{_ in the remarks.}}</dd>
</dl>
<ul class="remit-notes">
	<li id="remit-fee">{{_ REM-P2: the post office's own fee (usually 1%-3%) and any intermediary bank fees are yours, the remitter's: remit the full amount above to the payee.}}</li>
	<li id="remit-window">{{_ REM-P4: funds usually arrive in {WINDOW} after you remit; we match them with your order and tell you in Messages.}}</li>
	<li id="remit-deadline">{{_ REM-P6: pay by}} <strong>{{DEADLINE}}</strong> {{_ (30 days from the order). Funds not confirmed by then: the order is cancelled automatically and you recover the money from the post office.}}</li>
	<li>{{_ The code has check digits, so a mistyped code is caught (REM-P1).}}</li>
</ul>
<p class="no-print remit-actions">
	<button type="button" class="secondary" id="print-instructions" hidden>{{_ Print these instructions}}</button>
	{{#CAN_UPLOAD}}<a class="button" id="upload-voucher-link" href="/orders/{{ID}}/voucher">{{_ Upload Remittance Voucher}}</a>{{/CAN_UPLOAD}}
	<a href="/orders/{{ID}}">{{_ Back to the order}}</a>
</p>
</article>
<script src="/static/remittance.js" defer></script>
