{{%AUTOESCAPE context="HTML"}}
<h2 id="summary-h">{{_ Your order}}</h2>
{{#DEST}}<p id="destination">{{_ Ships to {NAME} ({REGION}), about {DAYS}.}}{{#COD_SUPPORTED}} <span class="badge badge-cod">{{_ COD Supported}}</span>{{/COD_SUPPORTED}}{{#REMOTE}} <span class="badge badge-remote">{{_ Remote area}}</span>{{/REMOTE}}{{#HIGH_RISK}} <span class="badge badge-risk">{{_ High-risk country: installments are not offered (INST-08)}}</span>{{/HIGH_RISK}}</p>{{/DEST}}
{{#SHIP_TO}}<p id="ship-to">{{_ Deliver to:}} <span class="ship-to">{{SUMMARY}}</span> · {{_ phone {PHONE}}}</p>{{/SHIP_TO}}
{{#NO_DEST}}<p class="field-note" id="no-destination">{{_ Choose the destination country above: which payment methods you can use depends on it.}}</p>{{/NO_DEST}}
<table class="checkout-lines">
	<thead><tr><th scope="col">{{_ Product}}</th><th scope="col">{{_ Qty}}</th><th scope="col" class="num">{{_ Amount}}</th></tr></thead>
	<tbody>
	{{#LINE}}<tr><td data-label="{{_ Product}}">{{NAME}}{{#PAU}} <span class="badge badge-payafter">{{_ Pay After Use}}</span>{{/PAU}}</td><td data-label="{{_ Quantity}}">{{QTY}}</td><td data-label="{{_ Amount}}" class="num">{{TOTAL}}</td></tr>{{/LINE}}
	</tbody>
	<tfoot>
		{{#DISCOUNTED}}<tr><th scope="row" colspan="2">{{_ Items total}}</th><td class="num" id="items-total">{{ITEMS_TOTAL}}</td></tr>{{/DISCOUNTED}}
		{{#COUPON_LINE}}<tr><th scope="row" colspan="2">{{_ Coupon {CODE}}}</th><td class="num" id="coupon-amount">- {{AMOUNT}}</td></tr>{{/COUPON_LINE}}
		{{#POINTS_LINE}}<tr><th scope="row" colspan="2">{{_ {USED} points (100 = USD 1.00)}}</th><td class="num" id="points-amount">- {{AMOUNT}}</td></tr>{{/POINTS_LINE}}
		<tr class="amount-to-pay"><th scope="row" colspan="2">{{_ Amount to pay}}</th><td class="num" id="amount-to-pay">{{AMOUNT}}{{#SHOW_USD}} <span class="usd" id="amount-usd">{{_ (about {AMOUNT_USD})}}</span>{{/SHOW_USD}}</td></tr>
	</tfoot>
</table>
<p class="field-note" id="settlement">{{SETTLEMENT}}</p>
