{{%AUTOESCAPE context="HTML"}}
<h1>Checkout</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="checkout-error">{{MSG}}</p>{{/ERROR}}
{{#EMPTY}}
<div class="empty-state">
	<p>Your cart is empty: there is nothing to check out.</p>
	<p><a class="button" href="/catalog">Browse the catalog</a></p>
</div>
{{/EMPTY}}
{{#CART}}
<form class="checkout-address" method="get" action="/checkout" id="address-form">
	<fieldset>
		<legend>Delivery address</legend>
		{{#ADDR}}<label class="address-choice"><input type="radio" name="address" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <span>{{SUMMARY}}{{#DEFAULT}} <span class="badge badge-default">Default</span>{{/DEFAULT}}</span></label>{{/ADDR}}
		{{#ADDRESS_ERR}}<p class="field-error" id="address-err">{{MSG}}</p>{{/ADDRESS_ERR}}
		<input type="hidden" name="coupon" value="{{COUPON}}">
		<input type="hidden" name="points" value="{{POINTS}}">
		{{#EXPEDITED_ON}}<input type="hidden" name="shipping" value="expedited">{{/EXPEDITED_ON}}
		{{#HAS_ADDRS}}<button type="submit" class="secondary">Deliver to this address</button>{{/HAS_ADDRS}}
		<p><a href="/account/addresses?back=checkout" id="add-address">Add a new address</a> · <a href="/account/addresses">Manage your addresses</a></p>
	</fieldset>
</form>
<form class="checkout-options" method="get" action="/checkout" id="options">
	{{#SHIP_TO}}<input type="hidden" name="address" value="{{ADDRESS_ID}}">{{/SHIP_TO}}
	<fieldset>
		<legend>Delivery and discounts</legend>
		<p>
			<label for="country">Destination country</label>
			<select id="country" name="country">
				<option value="">Choose a country</option>
				{{#MY_COUNTRIES}}<optgroup label="Where you have a delivery address">{{#MINE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MINE}}</optgroup>
				<optgroup label="Every destination (to compare; ordering needs an address there)">{{/MY_COUNTRIES}}
				{{#OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
				{{#MY_COUNTRIES}}</optgroup>{{/MY_COUNTRIES}}
			</select>
		</p>
		<p>
			<label for="coupon">Coupon code</label>
			<input type="text" id="coupon" name="coupon" value="{{COUPON}}" maxlength="32"{{#COUPON_ERR}} aria-invalid="true" aria-describedby="coupon-err"{{/COUPON_ERR}}>
			{{#COUPON_ERR}}<span class="field-error" id="coupon-err">{{MSG}}</span>{{/COUPON_ERR}}
		</p>
		<p>
			<label for="points">Points to use (you have {{POINTS_BALANCE}}; 100 points = USD 1.00)</label>
			<input type="number" id="points" name="points" value="{{POINTS}}" min="0">
			{{#POINTS_ERR}}<span class="field-note" id="points-err">{{MSG}}</span>{{/POINTS_ERR}}
		</p>
		<p>
			<input type="checkbox" id="shipping" name="shipping" value="expedited"{{#EXPEDITED_ON}} checked{{/EXPEDITED_ON}}>
			<label for="shipping">Expedited shipping (an urgent order: post office remittance is not offered, REM-03)</label>
		</p>
		<button type="submit" class="secondary">Update the amount</button>
	</fieldset>
</form>

<section class="checkout-summary" aria-labelledby="summary-h">
	<h2 id="summary-h">Your order</h2>
	{{#DEST}}<p id="destination">Ships to {{NAME}} ({{REGION}}), about {{DAYS}}.{{#COD_SUPPORTED}} <span class="badge badge-cod">COD Supported</span>{{/COD_SUPPORTED}}{{#REMOTE}} <span class="badge badge-remote">Remote area</span>{{/REMOTE}}{{#HIGH_RISK}} <span class="badge badge-risk">High-risk country: installments are not offered (INST-08)</span>{{/HIGH_RISK}}</p>{{/DEST}}
	{{#SHIP_TO}}<p id="ship-to">Deliver to: <span class="ship-to">{{SUMMARY}}</span> · phone {{PHONE}}</p>{{/SHIP_TO}}
	{{#NO_DEST}}<p class="field-note" id="no-destination">Choose the destination country above: which payment methods you can use depends on it.</p>{{/NO_DEST}}
	<table class="checkout-lines responsive">
		<thead><tr><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col" class="num">Amount</th></tr></thead>
		<tbody>
		{{#LINE}}<tr><td data-label="Product">{{NAME}}{{#PAU}} <span class="badge badge-payafter">Pay After Use</span>{{/PAU}}</td><td data-label="Quantity">{{QTY}}</td><td data-label="Amount" class="num">{{TOTAL}}</td></tr>{{/LINE}}
		</tbody>
		<tfoot>
			<tr><th scope="row" colspan="2">Items total</th><td class="num" id="items-total">{{ITEMS_TOTAL}}</td></tr>
			{{#COUPON_LINE}}<tr><th scope="row" colspan="2">Coupon {{CODE}}</th><td class="num" id="coupon-amount">- {{AMOUNT}}</td></tr>{{/COUPON_LINE}}
			{{#POINTS_LINE}}<tr><th scope="row" colspan="2">{{USED}} points</th><td class="num" id="points-amount">- {{AMOUNT}}</td></tr>{{/POINTS_LINE}}
			<tr class="amount-to-pay"><th scope="row" colspan="2">Amount to pay</th><td class="num" id="amount-to-pay">{{AMOUNT}}{{#SHOW_USD}} <span class="usd" id="amount-usd">(about {{AMOUNT_USD}})</span>{{/SHOW_USD}}</td></tr>
		</tfoot>
	</table>
	<p class="field-note" id="settlement">{{SETTLEMENT}}</p>
</section>

<form class="checkout-methods" method="post" action="/checkout/place" id="place">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<input type="hidden" name="country" value="{{COUNTRY}}">
	{{#SHIP_TO}}<input type="hidden" name="address" value="{{ADDRESS_ID}}">{{/SHIP_TO}}
	<input type="hidden" name="coupon" value="{{COUPON}}">
	<input type="hidden" name="points" value="{{POINTS}}">
	<input type="hidden" name="shipping" value="{{SHIPPING}}">
	<fieldset>
		<legend>How would you like to pay?</legend>
		{{#METHOD}}
		<div class="method{{#UNAVAILABLE}} method-unavailable{{/UNAVAILABLE}}" id="method-{{CODE}}{{#HAS_INST}}-{{INST}}{{/HAS_INST}}" data-method="{{CODE}}" data-institution="{{INST}}">
			<h3>{{TITLE}}{{#HAS_INST}} · {{INST_NAME}}{{/HAS_INST}}</h3>
			{{#SIMPLE}}<label><input type="radio" name="pay" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> Pay with {{TITLE}}</label>{{/SIMPLE}}
			{{#PAU_NOTE}}<p class="field-note">Every item carries the <span class="badge badge-payafter">Pay After Use</span> mark: the order is placed for 0 and the price is deducted when you confirm receipt (PAU-03).</p>{{/PAU_NOTE}}
			{{#COD_FEE}}<p class="cod-fee" id="cod-fee">COD service fee (COD-F1): {{FEE}}. You pay the courier {{TOTAL}} at delivery. The mall reviews the order by {{REVIEW_DUE}}.</p>{{/COD_FEE}}
			{{#REMIT}}<div class="remit-preview" id="remit-preview"><p>After placing the order you get a remittance code such as {{RF_EXAMPLE}} and the payee's account name, address and postal code. Remit {{AMOUNT}} at a post office and write the order number and the code in the remarks (REM-P1). The post office's fee (usually 1%-3%) and any intermediary bank fees are yours (REM-P2). Funds arrive in {{WINDOW}} (REM-P4). Pay by {{DUE}} or the order is cancelled (REM-P6).</p></div>{{/REMIT}}
			{{#AVAILABLE}}<p class="field-note">Available credit: {{AMOUNT}}.</p>{{/AVAILABLE}}
			{{#PLANS}}
			<table class="plans responsive">
				<caption class="sr-only">Plans of {{INST_NAME}}</caption>
				<thead><tr><th scope="col">Choose</th><th scope="col">Term</th>{{#CORP}}<th scope="col" class="num">Down payment</th><th scope="col" class="num">Amount financed</th>{{/CORP}}<th scope="col" class="num">Monthly</th><th scope="col" class="num">Monthly fee rate</th><th scope="col" class="num">Total fee</th><th scope="col" class="num">Total cost</th><th scope="col" class="num">APR</th></tr></thead>
				<tbody>
				{{#PLAN}}<tr class="plan" data-plan="{{VALUE}}"><td data-label="Choose"><input type="radio" name="pay" id="pay-{{VALUE}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="pay-{{VALUE}}" class="sr-only">{{TERM}} months</label></td><td data-label="Term">{{TERM}} months</td>{{#CORP_CELLS}}<td data-label="Down payment ({{PCT}}%)" class="num corp-down">{{DOWN}}</td><td data-label="Amount financed" class="num corp-financed">{{FINANCED}}</td>{{/CORP_CELLS}}<td data-label="Monthly" class="num">{{MONTHLY}}</td><td data-label="Monthly fee rate" class="num">{{RATE}}%</td><td data-label="Total fee" class="num">{{TOTAL_FEE}}</td><td data-label="Total cost" class="num">{{TOTAL_COST}}</td><td data-label="APR" class="num apr">{{APR}}%</td></tr>{{/PLAN}}
				</tbody>
			</table>
			{{/PLANS}}
			{{#UNAVAILABLE}}
			<p class="unavailable-note">Not available for this order:</p>
			<ul class="reasons">{{#REASON}}<li data-rule="{{RULE}}">{{TEXT}}</li>{{/REASON}}</ul>
			{{/UNAVAILABLE}}
		</div>
		{{/METHOD}}
	</fieldset>
	{{#DISCLOSURE}}
	<section class="disclosure" id="disclosure" aria-labelledby="disclosure-h">
		<h2 id="disclosure-h">Your plan: {{METHOD}} with {{INST_NAME}}, {{TERM}} installments</h2>
		<dl>
			{{#DOWN}}<dt>Down payment ({{PCT}}%, by bank transfer before the plan starts)</dt><dd id="disclosure-down">{{AMOUNT}}</dd>{{/DOWN}}
			<dt>Amount financed</dt><dd>{{PRINCIPAL}}</dd>
			<dt>Installments</dt><dd>{{TERM}}</dd>
			<dt>Monthly handling fee rate</dt><dd>{{MONTHLY_RATE}}% ({{MONTHLY_FEE}} a month)</dd>
			<dt>Total handling fee</dt><dd id="disclosure-fee">{{TOTAL_FEE}}</dd>
			<dt>Total cost</dt><dd id="disclosure-total">{{TOTAL_COST}}</dd>
			<dt>Annual percentage rate (actuarial)</dt><dd id="disclosure-apr">{{APR}}%</dd>
		</dl>
		<p>{{FEE_MODE}} {{TIMING}}</p>
		<table class="schedule responsive">
			<thead><tr><th scope="col">#</th><th scope="col">Due date</th><th scope="col" class="num">Principal</th><th scope="col" class="num">Fee</th><th scope="col" class="num">Amount</th></tr></thead>
			<tbody>{{#INSTALLMENT}}<tr><td data-label="#">{{SEQ}}</td><td data-label="Due date">{{DUE}}</td><td data-label="Principal" class="num">{{PRINCIPAL}}</td><td data-label="Fee" class="num">{{FEE}}</td><td data-label="Amount" class="num">{{TOTAL}}</td></tr>{{/INSTALLMENT}}</tbody>
		</table>
		<p>Late payment (INST-F1): {{LATE_FEE}}% of the overdue amount per calendar day from the day after the due date until paid. More than 30 days overdue suspends installment access (INST-F2).</p>
		<p>Early repayment (INST-F3): {{EARLY}}</p>
		<input type="hidden" name="disclosed" value="{{PAY}}">
		<p id="plan-charge-note">{{CHARGE_NOTE}}</p>
	</section>
	{{/DISCLOSURE}}
	<p><button type="submit" id="place-order">{{PLACE_LABEL}}</button></p>
	<p class="field-note">Choosing an installment plan shows its full terms first; nothing is ordered until you confirm them.</p>
</form>
{{/CART}}
