{{%AUTOESCAPE context="HTML"}}
{{#METHOD}}
<div class="method{{#UNAVAILABLE}} method-unavailable{{/UNAVAILABLE}}" id="method-{{CODE}}{{#HAS_INST}}-{{INST}}{{/HAS_INST}}" data-method="{{CODE}}" data-institution="{{INST}}">
	<h3>{{TITLE}}{{#HAS_INST}} · {{INST_NAME}}{{/HAS_INST}}</h3>
	{{#SIMPLE}}<label><input type="radio" name="pay" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{_ Pay with {TITLE}}}</label>{{/SIMPLE}}
	{{#PAU_NOTE}}<p class="field-note">{{_ Every item carries the}} <span class="badge badge-payafter">{{_ Pay After Use}}</span> {{_ mark: the order is placed for 0 and the price is deducted when you confirm receipt (PAU-03).}}</p>{{/PAU_NOTE}}
	{{#COD_FEE}}<p class="cod-fee" id="cod-fee">{{_ COD service fee (COD-F1): {FEE}. You pay the courier {TOTAL} at delivery. The mall reviews the order by {REVIEW_DUE}.}}</p>{{/COD_FEE}}
	{{#REMIT}}<div class="remit-preview" id="remit-preview">{{_ Remit {AMOUNT} at a post office by {DUE} or the order is cancelled (REM-P6); it arrives in {WINDOW} (REM-P4).}} <details class="remit-how"><summary>{{_ How it works}}</summary><p>{{_ After placing the order you get a remittance code such as {RF_EXAMPLE} and the payee's account name, address and postal code. Write the order number and the code in the remarks (REM-P1). The post office's fee (usually 1%-3%) and any intermediary bank fees are yours (REM-P2).}}</p></details></div>{{/REMIT}}
	{{#AVAILABLE}}<p class="field-note">{{_ Available credit: {AMOUNT}.}}</p>{{/AVAILABLE}}
	{{#PLANS}}
	{{#BEST}}<p class="plan-best" data-term="{{TERM}}">{{_ Recommended:}} <strong>{{_ {TERM} months}}</strong>{{#CORP_CELLS}}{{_ , down payment {DOWN}}}{{/CORP_CELLS}}{{_ , {MONTHLY}/month, total}} <span class="best-total">{{TOTAL_COST}}</span> {{_ (the lowest), APR {APR}%}}</p>{{/BEST}}
	<p class="plan-terms" role="radiogroup" aria-label="{{_ Term with {INST_NAME}}}">{{#TERM_PICK}}<label class="term-pick{{#IS_BEST}} term-best{{/IS_BEST}}"><input type="radio" name="pay" id="pay-{{VALUE}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{TERM}}<span class="sr-only"> {{_ months}}{{#IS_BEST}}{{_ , recommended}}{{/IS_BEST}}</span></label>{{/TERM_PICK}}<span class="terms-label" aria-hidden="true">{{_ months}}</span></p>
	<details class="plans-compare">
		<summary>{{_ Compare}}<span class="sr-only"> {{_ all {COUNT} plans}}</span></summary>
		<table class="plans responsive">
			<caption class="sr-only">{{_ Plans of {INST_NAME}}}</caption>
			<thead><tr><th scope="col">{{_ Term}}</th>{{#CORP}}<th scope="col" class="num">{{_ Down payment}}</th><th scope="col" class="num">{{_ Amount financed}}</th>{{/CORP}}<th scope="col" class="num">{{_ Monthly}}</th><th scope="col" class="num">{{_ Monthly fee rate}}</th><th scope="col" class="num">{{_ Total fee}}</th><th scope="col" class="num">{{_ Total cost}}</th><th scope="col" class="num">{{_ APR}}</th></tr></thead>
			<tbody>
			{{#PLAN}}<tr class="plan{{#IS_BEST}} plan-recommended{{/IS_BEST}}" data-plan="{{VALUE}}"><td data-label="{{_ Term}}">{{_ {TERM} months}}{{#IS_BEST}} {{_ (recommended)}}{{/IS_BEST}}</td>{{#CORP_CELLS}}<td data-label="{{_ Down payment ({PCT}%)}}" class="num corp-down">{{DOWN}}</td><td data-label="{{_ Amount financed}}" class="num corp-financed">{{FINANCED}}</td>{{/CORP_CELLS}}<td data-label="{{_ Monthly}}" class="num">{{MONTHLY}}</td><td data-label="{{_ Monthly fee rate}}" class="num">{{RATE}}%</td><td data-label="{{_ Total fee}}" class="num">{{TOTAL_FEE}}</td><td data-label="{{_ Total cost}}" class="num">{{TOTAL_COST}}</td><td data-label="{{_ APR}}" class="num apr">{{APR}}%</td></tr>{{/PLAN}}
			</tbody>
		</table>
	</details>
	{{/PLANS}}
	{{#UNAVAILABLE}}
	<p class="unavailable-note">{{_ Not available for this order:}}</p>
	<ul class="reasons">{{#REASON}}<li data-rule="{{RULE}}">{{TEXT}}</li>{{/REASON}}</ul>
	{{/UNAVAILABLE}}
</div>
{{/METHOD}}
