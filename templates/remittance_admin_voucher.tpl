{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/remittance.css">
<h1>{{_ Remittance voucher: order #{ID}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="decide-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="decide-error">{{MSG}}</p>{{/ERROR}}
<p><a href="/admin/vouchers">{{_ Back to the voucher queue}}</a> · <a href="/admin/orders/{{ID}}">{{_ Order page}}</a></p>
{{#NOT_REMITTANCE}}<p id="not-remittance">This order is not paid by remittance ({{METHOD}}).</p>{{/NOT_REMITTANCE}}
<p>{{_ Status}} <strong id="admin-order-status">{{STATUS}}</strong> · {{_ code {CODE}}} · {{_ payee {PAYEE}}}</p>
<dl class="amounts">
	<dt>{{_ Expected amount (order)}}</dt><dd id="expected-amount">{{EXPECTED}}</dd>
	<dt>{{_ Received so far}}</dt><dd id="received-total">{{RECEIVED_TOTAL}}</dd>
	<dt>{{_ Still due}}</dt><dd id="admin-still-due">{{STILL_DUE}}</dd>
</dl>
{{#PENDING}}
<section aria-labelledby="pending-h" class="voucher-review" id="pending-voucher" data-voucher="{{VID}}">
<h2 id="pending-h">{{_ Voucher awaiting verification}}</h2>
<dl class="amounts">
	<dt>{{_ Shopper's remitted amount}}</dt><dd id="shopper-amount">{{AMOUNT}}</dd>
	<dt>{{_ Remitted on}}</dt><dd>{{DATE}}</dd>
	<dt>{{_ Tracking number}}</dt><dd id="shopper-tracking">{{TRACKING}}</dd>
	<dt>{{_ Funds expected (REM-P4)}}</dt><dd>{{_ {FROM} to {BY}}}</dd>
	<dt>{{_ Uploaded}}</dt><dd>{{AT}}</dd>
</dl>
{{#DUP}}<p class="error-summary" id="dup-flag">{{_ The same file was uploaded for order}} <a href="/admin/orders/{{OTHER}}/voucher">#{{OTHER}}</a>{{_ : check before accepting.}}</p>{{/DUP}}
{{#FILE}}{{>PICTURES}}{{/FILE}}
<form method="post" action="/admin/orders/{{ID}}/voucher/decide" id="receive-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="voucher" value="{{VID}}">
	<input type="hidden" name="decision" value="received">
	<p><label for="received">Amount received on the account ({{CURRENCY}})</label>
	<input type="text" id="received" name="received" inputmode="decimal" value="{{AMOUNT_VALUE}}" required></p>
	<p class="field-note">{{_ Equal: paid and ready to ship (REM-P5). Less: partially paid, the shopper is asked for the difference. More: paid, the excess is refunded 15 business days after completion (REM-P7).}}</p>
	<button type="submit" id="receive-submit">{{_ Record amount received}}</button>
</form>
<form method="post" action="/admin/orders/{{ID}}/voucher/decide" id="reject-form" class="danger-zone">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="voucher" value="{{VID}}">
	<input type="hidden" name="decision" value="reject">
	<p><label for="reason">{{_ Reject because (REM-P9)}}</label>
	<select id="reason" name="reason" required>
		<option value="unreadable">{{_ Unreadable}}</option>
		<option value="amount_mismatch">{{_ Amount mismatch}}</option>
		<option value="wrong_payee">{{_ Wrong payee}}</option>
		<option value="wrong_date">{{_ Wrong date}}</option>
	</select></p>
	<button type="submit" class="secondary" id="reject-submit">{{_ Reject voucher}}</button>
</form>
</section>
{{/PENDING}}
<section aria-labelledby="history-h">
<h2 id="history-h">{{_ Vouchers and receipts}}</h2>
<table class="responsive" id="admin-voucher-history">
	<thead><tr><th scope="col">#</th><th scope="col">{{_ Source}}</th><th scope="col">{{_ Shopper's amount}}</th><th scope="col">{{_ Remitted on}}</th><th scope="col">{{_ Tracking}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Received}}</th><th scope="col">{{_ Decided}}</th></tr></thead>
	<tbody>{{#VOUCHER}}<tr><td>{{VID}}</td><td>{{SOURCE}}</td><td>{{AMOUNT}}</td><td>{{DATE}}</td><td>{{TRACKING}}</td><td>{{STATUS}} {{REASON}}</td><td>{{RECEIVED}}</td><td>{{DECIDED}}</td></tr>{{/VOUCHER}}</tbody>
</table>
</section>
<section aria-labelledby="refunds-h">
<h2 id="refunds-h">{{_ Refunds due}}</h2>
<ul id="refunds">{{#REFUND}}<li id="refund-{{RID}}">{{KIND}}: {{AMOUNT}}, due {{DUE}}.
	{{#ACCOUNT}}To the postal account of <span class="refund-holder">{{HOLDER}}</span>, <span class="refund-account">{{NUMBER}}</span> (given {{AT}}).{{/ACCOUNT}}
	{{#WAITING}}<span class="refund-waiting">{{_ Waiting for the shopper's postal account (REM-P8).}}</span>{{/WAITING}}
	{{#SENT}}<span class="refund-sent">Sent by {{BY}} at {{AT}}.</span>{{/SENT}}
	{{#SEND_FORM}}<form method="post" action="/admin/orders/{{ID}}/remittance-refund-sent" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="refund" value="{{RID}}"><button type="submit">{{_ Mark refund sent}}</button></form>{{/SEND_FORM}}
</li>{{/REFUND}}</ul>
</section>
