{{%AUTOESCAPE context="HTML"}}
<h1>Courier payment record, order #{{ID}}</h1>
{{#RECORD}}<dl class="amounts" id="cod-record">
	<dt>Payment record</dt><dd id="record-id">{{RECORD_ID}}</dd>
	<dt>Amount</dt><dd>{{AMOUNT}}</dd>
	<dt>Paid by</dt><dd>{{METHOD}}</dd>
	<dt>Reported</dt><dd>{{AT}}</dd>
</dl>
<p>Give this record number on the order page if you lost the courier's voucher (COD-P8).</p>{{/RECORD}}
{{#NONE}}<p id="cod-record-none">The courier has not reported a payment for this order yet.</p>{{/NONE}}
<p><a href="/orders/{{ID}}">Back to the order</a></p>
