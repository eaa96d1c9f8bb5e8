{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="credit-h" id="company-credit">
<h2 id="credit-h">{{_ Credit (refundable)}}</h2>
<p>{{_ What the company's transfers paid over its installments is held as its credit until it is paid back to the company's bank account.}}</p>
{{#NO_CREDIT}}<p id="credit-none">{{_ The company holds no credit.}}</p>{{/NO_CREDIT}}
<ul id="credit-held">{{#HELD}}<li data-cur="{{CUR}}">{{_ Credit held:}} <strong>{{AMOUNT}}</strong></li>{{/HELD}}</ul>
<form method="post" action="/admin/companies/{{ID}}/credit/payout" id="payout-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<fieldset><legend>{{_ Pay the credit out to the company's bank account}}</legend>
	{{#FORM_ERR}}<p class="error-summary" role="alert" id="payout-error">{{MSG}}</p>{{/FORM_ERR}}
	<div class="field"><label for="payout-amount">{{_ Amount}}</label>
	<input type="text" id="payout-amount" name="amount" inputmode="decimal" required{{#AMOUNT_ERR}} aria-invalid="true" aria-describedby="payout-amount-err"{{/AMOUNT_ERR}}>
	<select name="currency" id="payout-currency" aria-label="{{_ Currency}}">{{#CUR_OPTION}}<option value="{{CUR}}">{{CUR}}</option>{{/CUR_OPTION}}</select>
	{{#AMOUNT_ERR}}<p class="field-error" role="alert" id="payout-amount-err">{{MSG}}</p>{{/AMOUNT_ERR}}</div>
	<div class="field"><label for="payout-account">{{_ The company's bank account}}</label>
	<input type="text" id="payout-account" name="account" maxlength="64" required{{#ACCOUNT_ERR}} aria-invalid="true" aria-describedby="payout-account-err"{{/ACCOUNT_ERR}}>
	{{#ACCOUNT_ERR}}<p class="field-error" role="alert" id="payout-account-err">{{MSG}}</p>{{/ACCOUNT_ERR}}</div>
	<div class="field"><label for="payout-reference">{{_ The bank's reference of the transfer out}}</label>
	<input type="text" id="payout-reference" name="reference" maxlength="64" required{{#REFERENCE_ERR}} aria-invalid="true" aria-describedby="payout-reference-err"{{/REFERENCE_ERR}}>
	{{#REFERENCE_ERR}}<p class="field-error" role="alert" id="payout-reference-err">{{MSG}}</p>{{/REFERENCE_ERR}}</div>
	<button type="submit" id="payout-button">{{_ Record the payout}}</button>
	</fieldset>
</form>
<h3>{{_ Payouts}}</h3>
<table class="responsive" id="payouts"><thead><tr><th scope="col">{{_ Payout}}</th><th scope="col" class="num">{{_ Amount}}</th><th scope="col">{{_ Account}}</th><th scope="col">{{_ Reference}}</th><th scope="col">{{_ When}}</th></tr></thead>
<tbody>{{#PAYOUT}}<tr data-payout="{{ID}}"><td data-label="{{_ Payout}}">#{{ID}}</td><td data-label="{{_ Amount}}" class="num">{{AMOUNT}}</td><td data-label="{{_ Account}}">{{ACCOUNT}}</td><td data-label="{{_ Reference}}">{{REFERENCE}}</td><td data-label="{{_ When}}">{{AT}}</td></tr>{{/PAYOUT}}</tbody></table>
</section>
