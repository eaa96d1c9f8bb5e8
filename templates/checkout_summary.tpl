{{%AUTOESCAPE context="HTML"}}
<h2 id="summary-h">Your order</h2>
{{#DEST}}<p id="destination">Ships to {{NAME}} ({{REGION}}), about {{DAYS}}.{{#COD_SUPPORTED}} <span class="badge badge-cod">COD Supported</span>{{/COD_SUPPORTED}}{{#REMOTE}} <span class="badge badge-remote">Remote area</span>{{/REMOTE}}{{#HIGH_RISK}} <span class="badge badge-risk">High-risk country: installments are not offered (INST-08)</span>{{/HIGH_RISK}}</p>{{/DEST}}
{{#SHIP_TO}}<p id="ship-to">Deliver to: <span class="ship-to">{{SUMMARY}}</span> · phone {{PHONE}}</p>{{/SHIP_TO}}
{{#NO_DEST}}<p class="field-note" id="no-destination">Choose the destination country above: which payment methods you can use depends on it.</p>{{/NO_DEST}}
<table class="checkout-lines">
	<thead><tr><th scope="col">Product</th><th scope="col">Qty</th><th scope="col" class="num">Amount</th></tr></thead>
	<tbody>
	{{#LINE}}<tr><td data-label="Product">{{NAME}}{{#PAU}} <span class="badge badge-payafter">Pay After Use</span>{{/PAU}}</td><td data-label="Quantity">{{QTY}}</td><td data-label="Amount" class="num">{{TOTAL}}</td></tr>{{/LINE}}
	</tbody>
	<tfoot>
		{{#DISCOUNTED}}<tr><th scope="row" colspan="2">Items total</th><td class="num" id="items-total">{{ITEMS_TOTAL}}</td></tr>{{/DISCOUNTED}}
		{{#COUPON_LINE}}<tr><th scope="row" colspan="2">Coupon {{CODE}}</th><td class="num" id="coupon-amount">- {{AMOUNT}}</td></tr>{{/COUPON_LINE}}
		{{#POINTS_LINE}}<tr><th scope="row" colspan="2">{{USED}} points (100 = USD 1.00)</th><td class="num" id="points-amount">- {{AMOUNT}}</td></tr>{{/POINTS_LINE}}
		<tr class="amount-to-pay"><th scope="row" colspan="2">Amount to pay</th><td class="num" id="amount-to-pay">{{AMOUNT}}{{#SHOW_USD}} <span class="usd" id="amount-usd">(about {{AMOUNT_USD}})</span>{{/SHOW_USD}}</td></tr>
	</tfoot>
</table>
<p class="field-note" id="settlement">{{SETTLEMENT}}</p>
