{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Reconciliation with the partners}}</h1>
<p>{{_ Every day each partner's own settlement report (what the card bank charged and refunded, what the courier collected on delivery, what the post office received, what the finance company settled) is matched line by line with our ledger. Any difference is listed here until a later run is clean.}}
<code>mallpayctl reconcile --date YYYY-MM-DD</code> {{_ runs it again for a day.}}</p>
{{#EMPTY}}<p class="empty-state" id="recon-empty">{{_ No reconciliation has run yet.}}</p>{{/EMPTY}}
{{#RUN}}
<section class="recon-run" id="recon-{{PARTNER}}" data-partner="{{PARTNER}}" data-differences="{{NDIFFS}}" aria-labelledby="recon-{{PARTNER}}-h">
<h2 id="recon-{{PARTNER}}-h">{{NAME}}</h2>
<p>{{_ Day {DAY}, checked {AT}: {REPORT_LINES} line(s) in the partner's report, {LEDGER_LINES} line(s) in our ledger.}}</p>
{{#CLEAN}}<p class="recon-clean">{{_ No differences: the partner's books and our ledger agree.}}</p>{{/CLEAN}}
{{#DIFFS}}<table class="recon-diffs">
	<caption>{{_ {NDIFFS} difference(s)}}{{#AWAITING}}{{_ ; {N} amount(s) recorded by us and awaiting the partner's statement (in transit, not differences)}}{{/AWAITING}}</caption>
	<thead><tr><th scope="col">{{_ Reference}}</th><th scope="col">{{_ Difference}}</th><th scope="col">{{_ Partner's books}}</th><th scope="col">{{_ Our ledger}}</th></tr></thead>
	<tbody>
	{{#DIFF}}<tr class="recon-diff" data-ref="{{REF}}" data-kind="{{KIND}}"><td>{{REF}}</td><td>{{WHAT}}</td><td>{{PARTNER_AMOUNT}}</td><td>{{LEDGER_AMOUNT}}</td></tr>{{/DIFF}}
	</tbody>
</table>{{/DIFFS}}
</section>
{{/RUN}}
