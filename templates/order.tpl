{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Order #{ID}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="order-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="order-error">{{MSG}}</p>{{/ERROR}}
<p class="order-status" data-status="{{STATUS_CODE}}">{{_ Status:}} <strong id="order-status">{{STATE}}</strong> · {{_ {METHOD} · placed {PLACED} · ships to {COUNTRY}}}</p>
{{#NEXT}}<p class="next-step" id="next-step"><strong>{{_ What happens next:}}</strong> {{TEXT}}</p>{{/NEXT}}
{{>PAY_FAILURE}}
{{#REMIT_PANEL}}<div class="remit-panel" id="remit-panel">{{#PLACER}}<p><a href="/orders/{{ID}}/remittance">{{_ Remittance instructions}}</a> · <a href="/orders/{{ID}}/voucher">{{_ Your vouchers}}</a></p>{{/PLACER}}{{#WINDOW}}<p id="remit-expected">{{_ Awaiting verification: funds expected between {FROM} and {BY} (REM-P4).}}</p>{{/WINDOW}}{{#DUE}}<p id="remit-still-due">{{_ Received {RECEIVED}; still due {AMOUNT} (REM-P7).}}</p>{{/DUE}}{{#REFUND}}<p class="remit-refund">{{_ {KIND}: {AMOUNT}, refund by {BY}}}{{#TO}}{{_ , to postal account {ACCOUNT}}}{{/TO}}{{#SENT}}. <strong class="refund-sent">{{_ Sent through the post office on {AT}}}</strong>{{/SENT}}</p>{{/REFUND}}{{#ACCOUNT_FORM}}
<form method="post" action="/orders/{{ID}}/refund-account" id="refund-account-form" novalidate>
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p>{{_ Where should the post office send your refund (REM-P8)? Post office fees and exchange losses are not refunded.}}{{#GIVEN}} {{_ You can correct the account until the refund is sent.}}{{/GIVEN}}</p>
	<p><label for="refund-holder">{{_ Account holder's name}}</label>
	<input id="refund-holder" name="holder" maxlength="200" value="{{HOLDER}}" autocomplete="name"{{#HOLDER_ERR}} aria-invalid="true" aria-describedby="refund-holder-err"{{/HOLDER_ERR}}>
	{{#HOLDER_ERR}}<span class="field-error" id="refund-holder-err">{{MSG}}</span>{{/HOLDER_ERR}}</p>
	<p><label for="refund-account">{{_ Postal account number or IBAN}}</label>
	<input id="refund-account" name="account" maxlength="64" value="{{ACCOUNT}}"{{#ACCOUNT_ERR}} aria-invalid="true" aria-describedby="refund-account-err"{{/ACCOUNT_ERR}}>
	{{#ACCOUNT_ERR}}<span class="field-error" id="refund-account-err">{{MSG}}</span>{{/ACCOUNT_ERR}}</p>
	<p><button type="submit">{{_ Save refund account}}</button></p>
</form>{{/ACCOUNT_FORM}}</div>{{/REMIT_PANEL}}
{{#SHIP_ADDR}}<section aria-labelledby="ship-h" id="ship-address">
<h2 id="ship-h">{{_ Delivery address}}</h2>
<address class="ship-to">{{RECIPIENT}}<br>{{LINE1}}<br>{{#LINE2}}{{TEXT}}<br>{{/LINE2}}{{CITY}}{{#REGION}}, {{TEXT}}{{/REGION}}{{#POSTAL}} {{TEXT}}{{/POSTAL}}<br>{{COUNTRY_NAME}}<br>{{_ Phone: {PHONE}}}</address>
<p class="field-note">{{_ Service area: {AREA}, about {DAYS} to deliver. This is the address the order was placed with; changes to your address book do not move it.}}</p>
</section>{{/SHIP_ADDR}}
{{#ACTION}}<p><a class="button" id="next-action" href="{{HREF}}">{{LABEL}}</a></p>{{/ACTION}}

<section aria-labelledby="items-h">
<h2 id="items-h">{{_ Items and amounts}}</h2>
<table class="order-items responsive">
	<thead><tr><th scope="col">{{_ Product}}</th><th scope="col">{{_ Quantity}}</th><th scope="col" class="num">{{_ Unit price}}</th></tr></thead>
	<tbody>{{#ITEM}}<tr><td data-label="{{_ Product}}">{{NAME}}{{#PAU}} <span class="badge badge-payafter">{{_ Pay After Use}}</span>{{/PAU}}</td><td data-label="{{_ Quantity}}">{{QTY}}</td><td data-label="{{_ Unit price}}" class="num">{{UNIT}}</td></tr>{{/ITEM}}</tbody>
</table>
<dl class="amounts">
	<dt>{{_ Items total}}</dt><dd>{{ITEMS_TOTAL}}</dd>
	{{#COUPON}}<dt>{{_ Coupon {CODE}}}</dt><dd>- {{AMOUNT}}</dd>{{/COUPON}}
	{{#POINTS}}<dt>{{_ {USED} points}}</dt><dd>- {{AMOUNT}}</dd>{{/POINTS}}
	<dt>{{_ Amount to pay}}</dt><dd id="amount-due">{{AMOUNT_DUE}}</dd>
	{{#FEE}}<dt>{{_ COD service fee (COD-F1)}}</dt><dd id="cod-fee">{{AMOUNT}}</dd><dt>{{LABEL}}</dt><dd id="courier-total">{{TOTAL}}</dd>{{/FEE}}
	{{#CHARGE}}<dt>{{LABEL}}</dt><dd id="order-charge">{{AMOUNT}}</dd>{{/CHARGE}}
	{{#DEBT}}<dt>{{_ Owed now}}</dt><dd id="order-debt">{{AMOUNT}} <a href="{{HREF}}" id="order-debt-pay">{{_ Pay now}}</a></dd>{{/DEBT}}
	{{#DEFERRED}}<dt>{{_ Charged when you confirm receipt (PAU-03)}}</dt><dd id="deferred">{{AMOUNT}}</dd>{{/DEFERRED}}
	{{#USD}}<dt>{{_ USD equivalent}}</dt><dd id="amount-usd">{{_ {AMOUNT} (rate {RATE} USD per {CUR}, recorded when the order was placed)}}</dd>{{/USD}}
	{{#PLAN}}<dt>{{_ Installment plan}}</dt><dd>{{_ {INST}, {TERM} months}}</dd>{{/PLAN}}
	{{#RF}}<dt>{{_ Remittance code (REM-P1)}}</dt><dd id="rf-code">{{CODE}}{{#LINK}} <a href="/orders/{{ID}}/remittance" id="remit-instructions-link">{{_ Remittance instructions}}</a>{{/LINK}}</dd>{{/RF}}
</dl>
<p class="field-note">{{SETTLEMENT}}</p>
</section>

{{#DATES}}<section aria-labelledby="dates-h">
<h2 id="dates-h">{{_ Promised dates}}</h2>
<ul class="dates">
	{{#REVIEW_DUE}}<li id="review-due">{{_ Review by {DATE}}}</li>{{/REVIEW_DUE}}
	{{#PAYMENT_DUE}}<li id="payment-due">{{_ Pay by {DATE}; after that the order is cancelled (REM-P6)}}</li>{{/PAYMENT_DUE}}
	{{#REFUND_DUE}}<li id="refund-due">{{_ Refund of {AMOUNT}}}{{#BY}} {{_ by {DATE}}}{{/BY}}</li>{{/REFUND_DUE}}
</ul>
</section>{{/DATES}}

{{>COD_PANEL}}
{{>LOGISTICS_DETAILS}}
<p class="receipts-link"><a href="/orders/{{ID}}/receipts" id="order-receipts">{{_ Receipts of the amounts paid}}</a> {{_ (to print or keep as a PDF)}}</p>
{{>PLAN_PANEL}}

<section aria-labelledby="timeline-h">
<h2 id="timeline-h">{{_ Timeline}}</h2>
<ol class="timeline" id="timeline">
	{{#EVENT}}<li><time>{{AT}}</time> <strong>{{TO}}</strong> <span class="actor">({{ACTOR}})</span> {{REASON}}</li>{{/EVENT}}
</ol>
</section>

{{#CONFIRM}}
<form method="post" action="/orders/{{ID}}/confirm-receipt" id="confirm-receipt">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<button type="submit">{{_ Confirm receipt}}</button>
</form>
{{/CONFIRM}}
{{#PAU_RETURN}}
<form method="post" action="/orders/{{ID}}/pau-return" id="pau-return" class="danger-zone">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p><strong>PAU-05</strong> {{_ Not keeping the goods? Return them before you confirm receipt: nothing is charged.}}</p>
	<button type="submit" class="secondary">{{_ Return instead of confirming}}</button>
</form>
{{/PAU_RETURN}}
{{#CANCEL}}
<form method="post" action="/orders/{{ID}}/cancel" id="cancel-order" class="danger-zone">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p><strong>{{RULE}}</strong> {{TEXT}}{{#BY}} {{_ If you cancel today, the refund is due by}} <span id="cancel-refund-by">{{DATE}}</span>.{{/BY}}</p>
	<button type="submit" class="secondary">{{_ Cancel this order}}</button>
</form>
{{/CANCEL}}
<p><a href="/orders">{{_ Back to My Orders}}</a></p>
