{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/identity.css">
<h1>{{_ Identity and credit}}</h1>
{{#NOTICE}}<p class="notice notice-ok" role="status" id="identity-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="identity-error">{{MSG}}</p>{{/ERROR}}
<p>{{_ Installments and Pay After Use are offered to shoppers who have completed
real-name authentication (INST-01) and authorized a credit evaluation whose
score reaches the minimum: {INST_MIN} or more for installments (INST-02),
above {PAU_MIN} for Pay After Use (PAU-01).}}</p>

<section id="identity" aria-labelledby="identity-h">
<h2 id="identity-h">{{_ Real-name authentication}}</h2>
{{#VERIFIED}}<p id="identity-verified"><strong>{{_ Verified}}</strong> {{_ on {AT}.}}</p>{{/VERIFIED}}
{{#NO_CHECK}}<p id="identity-none">{{_ Not verified yet: fill in the form below.}}</p>{{/NO_CHECK}}
{{#CHECK}}
<dl class="amounts" id="identity-check" data-status="{{STATE}}">
	<dt>{{_ Result}}</dt><dd id="identity-status">{{STATUS}}</dd>
	<dt>{{_ Legal name}}</dt><dd>{{NAME}}</dd>
	<dt>{{_ Date of birth}}</dt><dd>{{BIRTH}}</dd>
	<dt>{{_ Document}}</dt><dd id="identity-number">{{DOCUMENT}}</dd>
	<dt>{{_ Sent}}</dt><dd>{{SUBMITTED}}</dd>
	{{#DECIDED}}<dt>{{_ Decided}}</dt><dd id="identity-decided">{{AT}}</dd>{{/DECIDED}}
	{{#PHOTO}}<dt>{{_ Photo}}</dt><dd><a href="/account/identity/{{ID}}/document">{{_ View the document you sent}}</a></dd>{{/PHOTO}}
</dl>
{{/CHECK}}
{{#FORM}}
<form class="stack" method="post" action="/account/identity" enctype="multipart/form-data" id="identity-form" novalidate>
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field">
		<label for="legal_name">{{_ Legal name, as printed on the document}}</label>
		<input type="text" id="legal_name" name="legal_name" value="{{LEGAL_NAME}}" autocomplete="name" required maxlength="200"{{#NAME_ERR}} aria-invalid="true" aria-describedby="legal_name-err"{{/NAME_ERR}}>
		{{#NAME_ERR}}<p class="field-error" id="legal_name-err">{{MSG}}</p>{{/NAME_ERR}}
	</div>
	<div class="field">
		<label for="birth_date">{{_ Date of birth (year-month-day)}}</label>
		<input type="text" id="birth_date" name="birth_date" value="{{BIRTH_DATE}}" placeholder="1990-04-21" inputmode="numeric" autocomplete="bday" required maxlength="10"{{#BIRTH_ERR}} aria-invalid="true" aria-describedby="birth_date-err"{{/BIRTH_ERR}}>
		{{#BIRTH_ERR}}<p class="field-error" id="birth_date-err">{{MSG}}</p>{{/BIRTH_ERR}}
	</div>
	<div class="field">
		<label for="id_type">{{_ Document}}</label>
		<select id="id_type" name="id_type" required{{#TYPE_ERR}} aria-invalid="true" aria-describedby="id_type-err"{{/TYPE_ERR}}>
			<option value="">{{_ Choose…}}</option>
			{{#TYPE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE}}
		</select>
		{{#TYPE_ERR}}<p class="field-error" id="id_type-err">{{MSG}}</p>{{/TYPE_ERR}}
	</div>
	<div class="field">
		<label for="id_number">{{_ Document number}}</label>
		<input type="text" id="id_number" name="id_number" autocomplete="off" required maxlength="32" aria-describedby="id_number-hint{{#NUMBER_ERR}} id_number-err{{/NUMBER_ERR}}"{{#NUMBER_ERR}} aria-invalid="true"{{/NUMBER_ERR}}>
		<p class="hint" id="id_number-hint">{{_ Stored encrypted; pages show only its last four characters.}}{{#NUMBER_AGAIN}} {{_ You typed a number ending in {LAST4}: type it again.}}{{/NUMBER_AGAIN}}</p>
		{{#NUMBER_ERR}}<p class="field-error" id="id_number-err">{{MSG}}</p>{{/NUMBER_ERR}}
	</div>
	<div class="field">
		<label for="photo">{{_ Photo or scan of the document (JPEG, PNG or PDF, at most 10 MB)}}</label>
		<input type="file" id="photo" name="photo" accept="image/jpeg,image/png,application/pdf" required{{#PHOTO_ERR}} aria-invalid="true" aria-describedby="photo-err"{{/PHOTO_ERR}}>
		{{#PHOTO_ERR}}<p class="field-error" id="photo-err">{{MSG}}</p>{{/PHOTO_ERR}}
	</div>
	<button type="submit">{{_ Verify my identity}}</button>
</form>
{{/FORM}}
</section>

<section id="credit" aria-labelledby="credit-h">
<h2 id="credit-h">{{_ Credit authorization}}</h2>
{{#CONSENT}}
<dl class="amounts" id="credit-consent">
	<dt>{{_ Consent}}</dt><dd>{{_ Given on {ACCEPTED} (text {VERSION})}}</dd>
	<dt>{{_ Credit score}}</dt><dd id="credit-score">{{SCORE}}</dd>
	<dt>{{_ Score of}}</dt><dd id="credit-scored">{{SCORED}}</dd>
	<dt>{{_ Asked again on}}</dt><dd>{{_ {REFRESH} (every {REFRESH_DAYS} while the consent is in force)}}</dd>
</dl>
<form class="stack" method="post" action="/account/credit-consent/withdraw" id="credit-withdraw-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p class="hint">{{_ Withdrawing stops every evaluation: the score is no longer used, and installments and Pay After Use are no longer offered to you.}}</p>
	<div class="field">
		<label><input type="checkbox" name="confirm" value="yes" id="confirm-withdraw" required> {{_ I withdraw my consent and understand that installments and Pay After Use will no longer be offered to me}}</label>
	</div>
	<button type="submit" class="secondary">{{_ Withdraw my consent}}</button>
</form>
{{/CONSENT}}
{{#WITHDRAWN}}<p id="credit-withdrawn">{{_ You withdrew your consent on {AT}: no score is used, so installments and Pay After Use are not offered to you.}}</p>{{/WITHDRAWN}}
{{#NEED_IDENTITY}}<p id="credit-need-identity">{{_ Verify your identity first: the credit bureau evaluates the identity you verified.}}</p>{{/NEED_IDENTITY}}
{{#CONSENT_FORM}}
<form class="stack" method="post" action="/account/credit-consent" id="credit-consent-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="version" value="{{VERSION}}">
	<blockquote class="consent-text" id="consent-text">{{TEXT}}</blockquote>
	<p class="hint">{{_ Consent text {VERSION}. The score is asked again every {REFRESH_DAYS} while the consent is in force.}}</p>
	<div class="field">
		<label><input type="checkbox" name="agree" value="yes" id="agree" required> {{_ I have read this text and I accept it}}</label>
	</div>
	<button type="submit">{{_ Authorize the credit evaluation}}</button>
</form>
{{/CONSENT_FORM}}
</section>
