{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Repay order #{ID} early}}</h1>
<p>{{_ Quote for settlement on {AT} (INST-F3).}}</p>
<dl class="amounts" id="payoff-quote">
	<dt>{{_ Remaining principal}}</dt><dd id="q-principal">{{PRINCIPAL}}</dd>
	<dt>{{_ Handling fees still due (months begun)}}</dt><dd id="q-fee-due">{{FEE_DUE}}</dd>
	<dt>{{_ Handling fees waived}}</dt><dd id="q-fee-waived">{{FEE_WAIVED}}</dd>
	{{#CREDIT}}<dt>{{_ Waived fees you already paid, set off}}</dt><dd id="q-fee-credit">- {{FEE_CREDIT}}</dd>{{/CREDIT}}
	<dt>{{_ Late fees}}</dt><dd id="q-late">{{LATE}}</dd>
	<dt>{{_ To pay now}}</dt><dd id="q-total"><strong>{{TOTAL}}</strong></dd>
</dl>
<h2>{{_ Waived fees}}</h2>
<ul id="waived-list">
	{{#WAIVED}}<li>{{_ Installment {SEQ} (due {DUE}): fee {FEE} waived}}</li>{{/WAIVED}}
	{{#NONE_WAIVED}}<li>{{_ None: {EARLY_RULE}}}</li>{{/NONE_WAIVED}}
</ul>
{{#NEXT}}<p id="q-next">{{_ Settled before {DAY}, these fees are waived. On {DAY} month {MONTH} of the plan begins and from that day its fee ({FEE}) is due as well: a month's fee is due from the day the month begins, the fees of months not yet begun are waived (INST-F3).}}</p>{{/NEXT}}
<form method="post" action="/orders/{{ID}}/payoff" id="payoff-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="key" value="{{KEY}}">
	<button type="submit" id="payoff-button">{{_ Pay {TOTAL} and close the plan}}</button>
</form>
<p><a href="/orders/{{ID}}/schedule">{{_ Back to the schedule}}</a></p>
