{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/remittance.css">
<h1>Remittance voucher: order #{{ID}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="decide-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="decide-error">{{MSG}}</p>{{/ERROR}}
<p><a href="/admin/vouchers">Back to the voucher queue</a> · <a href="/admin/orders/{{ID}}">Order page</a></p>
{{#NOT_REMITTANCE}}<p id="not-remittance">This order is not paid by remittance ({{METHOD}}).</p>{{/NOT_REMITTANCE}}
<p>Status <strong id="admin-order-status">{{STATUS}}</strong> · code {{CODE}} · payee {{PAYEE}}</p>
<dl class="amounts">
	<dt>Expected amount (order)</dt><dd id="expected-amount">{{EXPECTED}}</dd>
	<dt>Received so far</dt><dd id="received-total">{{RECEIVED_TOTAL}}</dd>
	<dt>Still due</dt><dd id="admin-still-due">{{STILL_DUE}}</dd>
</dl>
{{#PENDING}}
<section aria-labelledby="pending-h" class="voucher-review" id="pending-voucher" data-voucher="{{VID}}">
<h2 id="pending-h">Voucher awaiting verification</h2>
<dl class="amounts">
	<dt>Shopper's remitted amount</dt><dd id="shopper-amount">{{AMOUNT}}</dd>
	<dt>Remitted on</dt><dd>{{DATE}}</dd>
	<dt>Tracking number</dt><dd id="shopper-tracking">{{TRACKING}}</dd>
	<dt>Funds expected (REM-P4)</dt><dd>{{FROM}} to {{BY}}</dd>
	<dt>Uploaded</dt><dd>{{AT}}</dd>
</dl>
{{#DUP}}<p class="error-summary" id="dup-flag">The same file was uploaded for order <a href="/admin/orders/{{OTHER}}/voucher">#{{OTHER}}</a>: check before accepting.</p>{{/DUP}}
{{#FILE}}{{>PICTURES}}{{/FILE}}
<form method="post" action="/admin/orders/{{ID}}/voucher/decide" id="receive-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="voucher" value="{{VID}}">
	<input type="hidden" name="decision" value="received">
	<p><label for="received">Amount received on the account ({{CURRENCY}})</label>
	<input type="text" id="received" name="received" inputmode="decimal" value="{{AMOUNT_VALUE}}" required></p>
	<p class="field-note">Equal: paid and ready to ship (REM-P5). Less: partially paid, the shopper is asked for the difference. More: paid, the excess is refunded 15 business days after completion (REM-P7).</p>
	<button type="submit" id="receive-submit">Record amount received</button>
</form>
<form method="post" action="/admin/orders/{{ID}}/voucher/decide" id="reject-form" class="danger-zone">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="voucher" value="{{VID}}">
	<input type="hidden" name="decision" value="reject">
	<p><label for="reason">Reject because (REM-P9)</label>
	<select id="reason" name="reason" required>
		<option value="unreadable">Unreadable</option>
		<option value="amount_mismatch">Amount mismatch</option>
		<option value="wrong_payee">Wrong payee</option>
		<option value="wrong_date">Wrong date</option>
	</select></p>
	<button type="submit" class="secondary" id="reject-submit">Reject voucher</button>
</form>
</section>
{{/PENDING}}
<section aria-labelledby="history-h">
<h2 id="history-h">Vouchers and receipts</h2>
<table class="responsive" id="admin-voucher-history">
	<thead><tr><th scope="col">#</th><th scope="col">Source</th><th scope="col">Shopper's amount</th><th scope="col">Remitted on</th><th scope="col">Tracking</th><th scope="col">Status</th><th scope="col">Received</th><th scope="col">Decided</th></tr></thead>
	<tbody>{{#VOUCHER}}<tr><td>{{VID}}</td><td>{{SOURCE}}</td><td>{{AMOUNT}}</td><td>{{DATE}}</td><td>{{TRACKING}}</td><td>{{STATUS}} {{REASON}}</td><td>{{RECEIVED}}</td><td>{{DECIDED}}</td></tr>{{/VOUCHER}}</tbody>
</table>
</section>
<section aria-labelledby="refunds-h">
<h2 id="refunds-h">Refunds due</h2>
<ul id="refunds">{{#REFUND}}<li id="refund-{{RID}}">{{KIND}}: {{AMOUNT}}, due {{DUE}}.
	{{#ACCOUNT}}To the postal account of <span class="refund-holder">{{HOLDER}}</span>, <span class="refund-account">{{NUMBER}}</span> (given {{AT}}).{{/ACCOUNT}}
	{{#WAITING}}<span class="refund-waiting">Waiting for the shopper's postal account (REM-P8).</span>{{/WAITING}}
	{{#SENT}}<span class="refund-sent">Sent by {{BY}} at {{AT}}.</span>{{/SENT}}
	{{#SEND_FORM}}<form method="post" action="/admin/orders/{{ID}}/remittance-refund-sent" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="refund" value="{{RID}}"><button type="submit">Mark refund sent</button></form>{{/SEND_FORM}}
</li>{{/REFUND}}</ul>
</section>
