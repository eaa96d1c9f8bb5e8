{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Delivery addresses}}</h1>
{{#NOTICE}}<p class="notice" role="status" id="address-notice">{{MSG}}</p>{{/NOTICE}}
{{#FORM_ERROR}}<p class="error-summary" role="alert" id="address-error">{{MSG}}</p>{{/FORM_ERROR}}
{{#BOOK}}
<section aria-labelledby="book-h">
<h2 id="book-h">{{_ Your addresses}}</h2>
{{#NONE}}<p id="no-addresses">{{_ You have no delivery address yet. Add one below: checkout needs it.}}</p>{{/NONE}}
<ul class="address-list" id="address-list">
{{#ADDR}}<li class="address-card" id="address-{{ID}}">
	<address>
		<strong class="recipient">{{RECIPIENT}}</strong>{{#DEFAULT}} <span class="badge badge-default">{{_ Default}}</span>{{/DEFAULT}}<br>
		{{LINE1}}<br>{{#LINE2}}{{TEXT}}<br>{{/LINE2}}
		{{CITY}}{{#REGION}}, {{TEXT}}{{/REGION}}{{#POSTAL}} {{TEXT}}{{/POSTAL}}<br>
		{{COUNTRY_NAME}}<br>
		{{_ Phone: {PHONE}}}
	</address>
	<p class="field-note area">{{_ Service area: {AREA}, about {DAYS} to deliver}}{{#COD}}{{_ ; cash on delivery is offered there}}{{/COD}}.</p>
	<div class="address-actions">
		<a class="button secondary" href="/account/addresses/{{ID}}">{{_ Edit}}</a>
		{{#NOT_DEFAULT}}<form method="post" action="/account/addresses/{{ID}}/default" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{_ Make default}}</button></form>{{/NOT_DEFAULT}}
		<form method="post" action="/account/addresses/{{ID}}/delete" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{_ Delete}}</button></form>
	</div>
</li>{{/ADDR}}
</ul>
</section>
{{/BOOK}}
{{#FORM}}
<section aria-labelledby="form-h">
<h2 id="form-h">{{TITLE}}</h2>
<form class="stack address-form" method="post" action="{{ACTION}}" novalidate>
	<input type="hidden" name="csrf" value="{{CSRF}}">
	{{#BACK_CHECKOUT}}<input type="hidden" name="back" value="checkout">{{/BACK_CHECKOUT}}
	<div class="field">
		<label for="recipient">{{_ Recipient's full name}}</label>
		<input type="text" id="recipient" name="recipient" value="{{RECIPIENT}}" autocomplete="name" maxlength="100"{{#RECIPIENT_ERR}} aria-invalid="true" aria-describedby="recipient-err"{{/RECIPIENT_ERR}}>
		{{#RECIPIENT_ERR}}<p class="field-error" id="recipient-err">{{MSG}}</p>{{/RECIPIENT_ERR}}
	</div>
	<div class="field">
		<label for="line1">{{_ Address line 1}}</label>
		<input type="text" id="line1" name="line1" value="{{LINE1}}" autocomplete="address-line1" maxlength="120"{{#LINE1_ERR}} aria-invalid="true" aria-describedby="line1-err"{{/LINE1_ERR}}>
		{{#LINE1_ERR}}<p class="field-error" id="line1-err">{{MSG}}</p>{{/LINE1_ERR}}
	</div>
	<div class="field">
		<label for="line2">{{_ Address line 2 (optional)}}</label>
		<input type="text" id="line2" name="line2" value="{{LINE2}}" autocomplete="address-line2" maxlength="120"{{#LINE2_ERR}} aria-invalid="true" aria-describedby="line2-err"{{/LINE2_ERR}}>
		{{#LINE2_ERR}}<p class="field-error" id="line2-err">{{MSG}}</p>{{/LINE2_ERR}}
	</div>
	<div class="field">
		<label for="city">{{_ City}}</label>
		<input type="text" id="city" name="city" value="{{CITY}}" autocomplete="address-level2" maxlength="80"{{#CITY_ERR}} aria-invalid="true" aria-describedby="city-err"{{/CITY_ERR}}>
		{{#CITY_ERR}}<p class="field-error" id="city-err">{{MSG}}</p>{{/CITY_ERR}}
	</div>
	<div class="field">
		<label for="region">{{_ Region, state or province (optional)}}</label>
		<input type="text" id="region" name="region" value="{{REGION}}" autocomplete="address-level1" maxlength="80"{{#REGION_ERR}} aria-invalid="true" aria-describedby="region-err"{{/REGION_ERR}}>
		{{#REGION_ERR}}<p class="field-error" id="region-err">{{MSG}}</p>{{/REGION_ERR}}
	</div>
	<div class="field">
		<label for="postal_code">{{_ Postal code}}</label>
		<input type="text" id="postal_code" name="postal_code" value="{{POSTAL}}" autocomplete="postal-code" maxlength="16" aria-describedby="postal-hint{{#POSTAL_ERR}} postal-err{{/POSTAL_ERR}}"{{#POSTAL_ERR}} aria-invalid="true"{{/POSTAL_ERR}}>
		<p class="hint" id="postal-hint">{{_ In the format of the country (leave it empty where there are none, such as the United Arab Emirates).}}</p>
		{{#POSTAL_ERR}}<p class="field-error" id="postal-err">{{MSG}}</p>{{/POSTAL_ERR}}
	</div>
	<div class="field">
		<label for="country">{{_ Country}}</label>
		<select id="country" name="country" autocomplete="country"{{#COUNTRY_ERR}} aria-invalid="true" aria-describedby="country-err"{{/COUNTRY_ERR}}>
			<option value="">{{_ Choose a country}}</option>
			{{#OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
		</select>
		{{#COUNTRY_ERR}}<p class="field-error" id="country-err">{{MSG}}</p>{{/COUNTRY_ERR}}
	</div>
	<div class="field">
		<label for="phone">{{_ Phone number}}</label>
		<input type="tel" id="phone" name="phone" value="{{PHONE}}" autocomplete="tel" maxlength="32"{{#PHONE_ERR}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_ERR}}>
		{{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
	</div>
	{{#CAN_DEFAULT}}<div class="field"><input type="checkbox" id="make_default" name="make_default" value="yes"> <label for="make_default" class="inline">{{_ Make it my default address}}</label></div>{{/CAN_DEFAULT}}
	<button type="submit">{{SUBMIT}}</button>
</form>
</section>
{{/FORM}}
{{#EDITING}}<p><a href="/account/addresses">{{_ Back to your addresses}}</a></p>{{/EDITING}}
