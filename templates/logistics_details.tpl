{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="logistics-h" class="logistics-details" id="logistics-details">
<h2 id="logistics-h">Logistics details</h2>
<dl class="facts">
	<dt>Carrier</dt><dd id="logistics-carrier">{{CARRIER}}</dd>
	<dt>Tracking number</dt><dd id="logistics-tracking">{{TRACKING}}</dd>
	{{#COURIER}}<dt>Your courier</dt><dd id="courier-name">{{NAME}}</dd>
	<dt>Courier's phone</dt><dd><a id="courier-phone" href="tel:{{TEL}}">{{PHONE}}</a></dd>{{/COURIER}}
</dl>
{{#COURIER}}<p class="field-note">Lost the courier's payment voucher? Call your courier to confirm the payment record.</p>{{/COURIER}}
{{#NO_COURIER}}<p class="field-note" id="courier-pending">The carrier names your courier when the delivery is scheduled.</p>{{/NO_COURIER}}
</section>
