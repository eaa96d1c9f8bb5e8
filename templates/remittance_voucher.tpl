{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/remittance.css">
<h1>{{_ Upload Remittance Voucher: order #{ID}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="voucher-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="voucher-error" data-field="{{FIELD}}">{{MSG}}</p>{{/ERROR}}
<p class="order-status" data-status="{{STATUS_CODE}}">{{_ Order total}} <strong id="voucher-amount">{{AMOUNT}}</strong> · {{_ received}} <span id="voucher-received">{{RECEIVED}}</span> · {{_ still due}} <strong id="voucher-still-due">{{STILL_DUE}}</strong> · {{_ remittance code}} <span id="voucher-code">{{CODE}}</span> · {{_ pay by {DEADLINE} (REM-P6)}}</p>
{{#PARTIAL}}<p class="next-step" id="voucher-partial">{{_ REM-P7: we received less than the order costs. Remit the difference shown as still due and upload the new voucher.}}</p>{{/PARTIAL}}
{{#VERIFYING}}<p class="next-step" id="voucher-verifying">{{_ Awaiting verification: funds arrive in {WINDOW} (REM-P4); we match them with your order, then it ships.}}</p>{{/VERIFYING}}
<p><a href="/orders/{{ID}}/remittance">{{_ Remittance instructions (payee, amount, code)}}</a></p>
{{#FORM}}
<form method="post" action="/orders/{{ID}}/voucher" enctype="multipart/form-data" id="voucher-form" class="voucher-form" data-max-bytes="{{MAX_BYTES}}">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<p><label for="voucher">{{_ Photo or PDF of the receipt (JPEG, PNG or PDF, at most 10 MB; REM-P9)}}</label>
	<input type="file" id="voucher" name="voucher" accept="image/jpeg,image/png,application/pdf" required{{#BAD_VOUCHER}} aria-invalid="true" aria-describedby="voucher-err"{{/BAD_VOUCHER}}>{{#BAD_VOUCHER}}<span class="field-error" id="voucher-err">{{MSG}}</span>{{/BAD_VOUCHER}}</p>
	<p><label for="amount">{{_ Remitted amount ({CURRENCY})}}</label>
	<input type="text" id="amount" name="amount" inputmode="decimal" value="{{AMOUNT_VALUE}}" required{{#BAD_AMOUNT}} aria-invalid="true" aria-describedby="amount-err"{{/BAD_AMOUNT}}>{{#BAD_AMOUNT}}<span class="field-error" id="amount-err">{{MSG}}</span>{{/BAD_AMOUNT}}</p>
	<p><label for="date">{{_ Date of the remittance}}</label>
	<input type="date" id="date" name="date" value="{{TODAY}}" max="{{TODAY}}" required{{#BAD_DATE}} aria-invalid="true" aria-describedby="date-err"{{/BAD_DATE}}>{{#BAD_DATE}}<span class="field-error" id="date-err">{{MSG}}</span>{{/BAD_DATE}}</p>
	<p><label for="tracking">{{_ Post office tracking number}}</label>
	<input type="text" id="tracking" name="tracking" maxlength="40" autocomplete="off" required{{#BAD_TRACKING}} aria-invalid="true" aria-describedby="tracking-err"{{/BAD_TRACKING}}>{{#BAD_TRACKING}}<span class="field-error" id="tracking-err">{{MSG}}</span>{{/BAD_TRACKING}}</p>
	<div class="upload-progress" id="upload-progress" hidden>
		<progress id="upload-bar" max="100" value="0"></progress> <span id="upload-pct" role="status" aria-live="polite">0%</span>
	</div>
	<p><button type="submit" id="voucher-submit">{{_ Upload Remittance Voucher}}</button></p>
	<p class="field-note">{{_ Funds arrive in {WINDOW} (REM-P4). The file's type is checked from its content, not its name.}}</p>
</form>
{{/FORM}}
<section aria-labelledby="vouchers-h">
<h2 id="vouchers-h">{{_ Your vouchers}}</h2>
<table class="responsive" id="voucher-history">
	<thead><tr><th scope="col">{{_ Sent}}</th><th scope="col">{{_ From}}</th><th scope="col">{{_ Amount}}</th><th scope="col">{{_ Remitted on}}</th><th scope="col">{{_ Tracking}}</th><th scope="col">{{_ Status}}</th></tr></thead>
	<tbody>{{#VOUCHER}}<tr id="voucher-{{VID}}"><td>{{AT}}</td><td>{{SOURCE}}</td><td>{{AMOUNT}}</td><td>{{DATE}}</td><td>{{TRACKING}}</td><td class="voucher-status" data-status="{{STATUS}}">{{STATUS_WORDS}}{{#EXPECTED}}{{_ : funds expected between}} <span class="expected-window">{{_ {FROM} and {BY}}}</span> {{_ (REM-P4)}}{{/EXPECTED}}{{#REJECTED}}: <span class="reject-reason">{{REASON}}</span> {{_ (REM-P9). Upload a new voucher.}}{{/REJECTED}}{{#ACCEPTED}}{{_ : {RECEIVED} received}}{{/ACCEPTED}}</td></tr>{{/VOUCHER}}</tbody>
</table>
</section>
<p><a href="/orders/{{ID}}">{{_ Back to the order}}</a></p>
<script src="/static/remittance.js" defer></script>
