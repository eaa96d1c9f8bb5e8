{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Checkout}}</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="checkout-error">{{MSG}}</p>{{/ERROR}}
{{#EMPTY}}
<div class="empty-state">
	<p>{{_ Your cart is empty: there is nothing to check out.}}</p>
	<p><a class="button" href="/catalog">{{_ Browse the catalog}}</a></p>
</div>
{{/EMPTY}}
{{#CART}}
<form class="checkout-address" method="get" action="/checkout" id="address-form">
	<fieldset{{#ADDRESS_ERR}} aria-describedby="address-err"{{/ADDRESS_ERR}}>
		<legend>{{_ Delivery address}}</legend>
		{{#ADDR}}<label class="address-choice"><input type="radio" name="address" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <span>{{SUMMARY}}{{#DEFAULT}} <span class="badge badge-default">{{_ Default}}</span>{{/DEFAULT}}</span></label>{{/ADDR}}
		{{#ADDRESS_ERR}}<p class="field-error" id="address-err">{{MSG}}</p>{{/ADDRESS_ERR}}
		<input type="hidden" name="coupon" value="{{COUPON}}">
		<input type="hidden" name="points" value="{{POINTS}}">
		<input type="hidden" name="shipping" value="{{SHIPPING}}">
		{{#HAS_ADDRS}}<button type="submit" class="secondary">{{_ Deliver to this address}}</button>{{/HAS_ADDRS}}
		<p><a href="/account/addresses?back=checkout" id="add-address">{{_ Add a new address}}</a> · <a href="/account/addresses">{{_ Manage your addresses}}</a></p>
	</fieldset>
</form>
<form class="checkout-options" method="get" action="/checkout" id="options">
	<input type="hidden" name="address" value="{{ADDRESS_ID}}">
	<fieldset>
		<legend>{{_ Delivery and discounts}}</legend>
		<p>
			<label for="country">{{_ Destination country}}</label>
			<select id="country" name="country">
				<option value="">{{_ Choose a country}}</option>
				{{#MY_COUNTRIES}}<optgroup label="Where you have a delivery address">{{#MINE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MINE}}</optgroup>
				<optgroup label="Every destination (to compare; ordering needs an address there)">{{/MY_COUNTRIES}}
				{{#OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
				{{#MY_COUNTRIES}}</optgroup>{{/MY_COUNTRIES}}
			</select>
		</p>
		<p class="option-half">
			<label for="coupon">{{_ Coupon code}}</label>
			<input type="text" id="coupon" name="coupon" value="{{COUPON}}" maxlength="32"{{#COUPON_ERR}} aria-invalid="true" aria-describedby="coupon-err"{{/COUPON_ERR}}>
			{{#COUPON_ERR}}<span class="field-error" id="coupon-err">{{MSG}}</span>{{/COUPON_ERR}}
		</p>
		<p class="option-half">
			<label for="points">{{_ Points}} <span class="field-note">{{_ (of {POINTS_BALANCE})}}</span></label>
			<input type="number" id="points" name="points" value="{{POINTS}}" min="0"{{#POINTS_ERR}} aria-invalid="true" aria-describedby="points-err"{{/POINTS_ERR}}>
			{{#POINTS_ERR}}<span class="field-note" id="points-err">{{MSG}}</span>{{/POINTS_ERR}}
		</p>
		<p>
			<input type="checkbox" id="shipping" name="shipping" value="expedited"{{#EXPEDITED_ON}} checked{{/EXPEDITED_ON}}>
			<label for="shipping">{{_ Expedited shipping (no remittance, REM-03)}}</label>
		</p>
		<button type="submit" class="secondary">{{_ Update the amount}}</button>
	</fieldset>
</form>

<section class="checkout-summary" aria-labelledby="summary-h" id="checkout-summary" aria-live="polite">
{{>SUMMARY}}
</section>

<form class="checkout-methods" method="post" action="/checkout/place" id="place">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<input type="hidden" name="country" value="{{COUNTRY}}">
	<input type="hidden" name="address" value="{{ADDRESS_ID}}">
	<input type="hidden" name="coupon" value="{{COUPON}}">
	<input type="hidden" name="points" value="{{POINTS}}">
	<input type="hidden" name="shipping" value="{{SHIPPING}}">
	<fieldset>
		<legend>{{_ How would you like to pay?}}</legend>
		<div id="checkout-methods" aria-live="polite">{{>METHODS}}</div>
	</fieldset>
	{{#DISCLOSURE}}
	<section class="disclosure" id="disclosure" aria-labelledby="disclosure-h">
		<h2 id="disclosure-h">{{_ Your plan: {METHOD} with {INST_NAME}, {TERM} installments}}</h2>
		<dl>
			{{#DOWN}}<dt>{{_ Down payment ({PCT}%, by bank transfer before the plan starts)}}</dt><dd id="disclosure-down">{{AMOUNT}}</dd>{{/DOWN}}
			<dt>{{_ Amount financed}}</dt><dd>{{PRINCIPAL}}</dd>
			<dt>{{_ Installments}}</dt><dd>{{TERM}}</dd>
			<dt>{{_ Monthly handling fee rate}}</dt><dd>{{_ {MONTHLY_RATE}% ({MONTHLY_FEE} a month)}}</dd>
			<dt>{{_ Total handling fee}}</dt><dd id="disclosure-fee">{{TOTAL_FEE}}</dd>
			<dt>{{_ Total cost}}</dt><dd id="disclosure-total">{{TOTAL_COST}}</dd>
			<dt>{{_ Annual percentage rate (actuarial)}}</dt><dd id="disclosure-apr">{{APR}}%</dd>
		</dl>
		<p>{{FEE_MODE}} {{TIMING}}</p>
		<table class="schedule responsive">
			<thead><tr><th scope="col">#</th><th scope="col">{{_ Due date}}</th><th scope="col" class="num">{{_ Principal}}</th><th scope="col" class="num">{{_ Fee}}</th><th scope="col" class="num">{{_ Amount}}</th></tr></thead>
			<tbody>{{#INSTALLMENT}}<tr><td data-label="#">{{SEQ}}</td><td data-label="{{_ Due date}}">{{DUE}}</td><td data-label="{{_ Principal}}" class="num">{{PRINCIPAL}}</td><td data-label="{{_ Fee}}" class="num">{{FEE}}</td><td data-label="{{_ Amount}}" class="num">{{TOTAL}}</td></tr>{{/INSTALLMENT}}</tbody>
		</table>
		<p>{{_ Late payment (INST-F1): {LATE_FEE}% of the overdue amount per calendar day from the day after the due date until paid. More than 30 days overdue suspends installment access (INST-F2).}}</p>
		<p>{{_ Early repayment (INST-F3): {EARLY}}}</p>
		<input type="hidden" name="disclosed" value="{{PAY}}">
		<p id="plan-charge-note">{{CHARGE_NOTE}}</p>
	</section>
	{{/DISCLOSURE}}
	<p><button type="submit" id="place-order">{{PLACE_LABEL}}</button></p>
	<p class="field-note place-note">{{_ Choosing an installment plan shows its full terms first; nothing is ordered until you confirm them.}}</p>
</form>
<script src="/static/checkout.js" defer></script>
{{/CART}}
