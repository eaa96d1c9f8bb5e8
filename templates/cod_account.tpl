{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Cash on delivery}}</h1>
<section aria-labelledby="ladder-h">
<h2 id="ladder-h">{{_ Your COD limit (COD-07)}}</h2>
<p>{{_ Your current limit:}} <strong id="cod-limit">{{LIMIT}}</strong>{{_ . Completed cash on delivery orders:}} <strong id="cod-completed">{{COMPLETED}}</strong>.</p>
{{#TO_NEXT}}<p id="cod-to-next">{{_ {N} more completed COD order(s) without a violation and your limit rises to {FULL}.}}</p>{{/TO_NEXT}}
{{#AT_TOP}}<p id="cod-at-top">{{_ You have the full limit of {FULL}.}}</p>{{/AT_TOP}}
{{#BLOCKED}}<p id="cod-blocked">{{_ A refusal without a valid reason is on your record, so your limit stays at {LIMIT} (COD-07: no violation).}}</p>{{/BLOCKED}}
</section>
<section aria-labelledby="standing-h">
<h2 id="standing-h">{{_ Permission}}</h2>
{{#ALLOWED}}<p id="cod-allowed">{{_ Cash on delivery is available to you.}}</p>{{/ALLOWED}}
{{#SUSPENDED}}<p id="cod-suspended" class="error-summary">{{_ COD-08: cash on delivery is suspended until}} <strong>{{UNTIL}}</strong> {{_ after 3 refusals without a valid reason (COD-F2); it is available again on that day.}}</p>{{/SUSPENDED}}
{{#REVOKED}}<p id="cod-revoked" class="error-summary">{{_ COD-08: cash on delivery is revoked (COD-F3).}}</p>{{/REVOKED}}
<p>{{_ Refusals without a valid reason on record:}} <strong id="cod-strikes">{{STRIKES}}</strong> {{_ (the 3rd suspends COD for 3 months).}}</p>
</section>
<section aria-labelledby="refusals-h">
<h2 id="refusals-h">{{_ Refusals}}</h2>
<table class="responsive" id="cod-refusals"><thead><tr><th scope="col">{{_ Order}}</th><th scope="col">{{_ Reason}}</th><th scope="col">{{_ Day}}</th><th scope="col">{{_ Counted}}</th></tr></thead>
<tbody>{{#REFUSAL}}<tr><td data-label="{{_ Order}}"><a href="/orders/{{ORDER}}">#{{ORDER}}</a></td><td data-label="{{_ Reason}}">{{REASON}}</td><td data-label="{{_ Day}}">{{DAY}}</td><td data-label="{{_ Counted}}">{{COUNTED}}</td></tr>{{/REFUSAL}}</tbody></table>
</section>
<section aria-labelledby="debts-h">
<h2 id="debts-h">{{_ Amounts owed}}</h2>
<table class="responsive" id="cod-debts"><thead><tr><th scope="col">{{_ Order}}</th><th scope="col" class="num">{{_ Amount}}</th><th scope="col">{{_ Why}}</th><th scope="col">{{_ Since}}</th><th scope="col">{{_ State}}</th></tr></thead>
<tbody>{{#DEBT}}<tr><td data-label="{{_ Order}}"><a href="/orders/{{ORDER}}">#{{ORDER}}</a></td><td data-label="{{_ Amount}}" class="num">{{AMOUNT}}</td><td data-label="{{_ Why}}">{{DESC}}</td><td data-label="{{_ Since}}">{{AT}}</td><td data-label="{{_ State}}">{{STATE}}{{#PAY}} <a href="/account/cod/debts/{{ID}}/pay" id="debt-pay-{{ID}}">{{_ Pay by card}}</a>{{/PAY}}</td></tr>{{/DEBT}}</tbody></table>
</section>
