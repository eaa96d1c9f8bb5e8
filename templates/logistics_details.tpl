{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="logistics-h" class="logistics-details" id="logistics-details">
<h2 id="logistics-h">{{_ Logistics details}}</h2>
<dl class="facts">
	<dt>{{_ Carrier}}</dt><dd id="logistics-carrier">{{CARRIER}}</dd>
	<dt>{{_ Tracking number}}</dt><dd id="logistics-tracking">{{TRACKING}}</dd>
	{{#COURIER}}<dt>{{_ Your courier}}</dt><dd id="courier-name">{{NAME}}</dd>
	<dt>{{_ Courier's phone}}</dt><dd><a id="courier-phone" href="tel:{{TEL}}">{{PHONE}}</a></dd>{{/COURIER}}
</dl>
{{#COURIER}}<p class="field-note">{{_ Lost the courier's payment voucher? Call your courier to confirm the payment record.}}</p>{{/COURIER}}
{{#NO_COURIER}}<p class="field-note" id="courier-pending">{{_ The carrier names your courier when the delivery is scheduled.}}</p>{{/NO_COURIER}}
</section>
