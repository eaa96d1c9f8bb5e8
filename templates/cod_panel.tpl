{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="delivery-h" class="cod-panel" id="delivery">
<h2 id="delivery-h">{{_ Delivery}}</h2>
{{#NOTICE}}<p class="flash" role="status" id="cod-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="cod-error">{{MSG}}</p>{{/ERROR}}
{{#SHIPMENT}}<p id="shipment">{{_ Shipped {SHIPPED} with}} <strong id="carrier">{{CARRIER}}</strong>{{_ , tracking number}} <strong id="tracking-number">{{TRACKING}}</strong>{{#COD_RULE}} {{_ (COD-P2)}}{{/COD_RULE}}.</p>{{/SHIPMENT}}
{{#TRACKING_EVENTS}}
<h3>{{_ Tracking}}</h3>
<ol class="timeline" id="tracking">
	{{#TEV}}<li><time>{{AT}}</time> <strong>{{KIND}}</strong> {{DETAIL}}</li>{{/TEV}}
</ol>
{{/TRACKING_EVENTS}}
{{#COD}}
{{#DUE}}<p id="cod-due">{{_ Cash on delivery: you pay the courier}} <strong id="cod-total">{{TOTAL}}</strong> {{_ at delivery, after inspecting the goods (COD-P3). Refuse damaged, wrong or incomplete goods at no cost (COD-P4); a refusal without a valid reason costs the round-trip shipping and the service fee (COD-F2).}}</p>{{/DUE}}
{{#AGREED}}<p id="cod-agreed">{{_ Delivery agreed for}} <strong>{{DATE}}</strong> {{_ (rescheduled {RESCHEDULES} of at most {MAX} times, COD-P5).}}{{#DAY_RULE}} {{_ If it is not paid by the end of that day, the order is cancelled.}}{{/DAY_RULE}}</p>{{/AGREED}}
{{#REPORTED}}<p id="cod-reported">{{_ The courier reported your payment on {AT} ({METHOD}), payment record}} <strong id="cod-record-id">{{RECORD}}</strong>.</p>{{/REPORTED}}
{{#SHOPPER_PAID}}<p id="cod-shopper-paid">{{_ You reported paying on {AT}}}{{#VOUCHER}} {{_ with}} <a href="/orders/{{ID}}/cod/voucher">{{_ your voucher photo}}</a>{{/VOUCHER}}{{#RECORD}} {{_ with the courier's record {ID}}}{{/RECORD}}.</p>{{/SHOPPER_PAID}}
{{#PAY_FORM}}
<form method="post" action="/orders/{{ID}}/cod/paid" enctype="multipart/form-data" id="cod-paid-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<h3>{{_ Paid the courier?}}</h3>
	<div class="field"><label for="cod-voucher">{{_ Photo of the courier's voucher (JPEG, PNG or PDF, at most 10 MB)}}</label>
	<input type="file" id="cod-voucher" name="voucher" accept="image/jpeg,image/png,application/pdf"></div>
	<div class="field"><label for="cod-record">{{_ or the courier's payment record number}}</label>
	<input type="text" id="cod-record" name="record_id" maxlength="64"></div>
	<button type="submit" id="cod-paid">{{_ Paid}}</button>
</form>
{{/PAY_FORM}}
<p><a href="/account/cod">{{_ Your cash on delivery limit and record}}</a></p>
{{#LOOKUP}}<p><a href="/orders/{{ID}}/cod/record" id="cod-lookup">{{_ Lost the voucher? Look up the courier's payment record (COD-P8)}}</a></p>{{/LOOKUP}}
{{#RETURN}}<p id="cod-return">{{_ Return requested: {REASON}}}</p>{{/RETURN}}
{{#RETURN_FORM}}
<form method="post" action="/orders/{{ID}}/cod/return" id="cod-return-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<h3>{{_ Quality problem?}}</h3>
	<div class="field"><label for="cod-return-reason">{{_ What is wrong (after-sales return, COD-P7)}}</label>
	<input type="text" id="cod-return-reason" name="reason" maxlength="200" required></div>
	<button type="submit" class="secondary">{{_ Request a return}}</button>
	<p class="field-note">{{_ The refund goes to your original payment account 3-5 business days after the merchant receives the goods.}}</p>
</form>
{{/RETURN_FORM}}
{{/COD}}
</section>
