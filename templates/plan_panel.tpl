{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="plan-h" class="plan-panel" id="plan-panel">
<h2 id="plan-h">{{_ Installments}}</h2>
{{#NEED_CARD}}<p>{{_ Next: enter the card the installments are paid with; the bank answers at once (INST-CC).}}</p>
<p><a class="button" id="enter-card" href="/orders/{{ID}}/card">{{_ Enter your card}}</a></p>{{/NEED_CARD}}
{{#NEED_APPLY}}<p>{{_ Next: authorize the credit evaluation by our finance partner (INST-PC).}}</p>
<p><a class="button" id="authorize" href="/orders/{{ID}}/apply">{{_ Authorize the credit evaluation}}</a></p>{{/NEED_APPLY}}
{{#CL_WAIT}}<p id="cl-wait">{{_ Platform credit line: the amount is reserved on your credit line. When you confirm receipt, the lender pays the merchant in full and your installments begin (INST-CL).}} <a href="/account/credit">{{_ Your credit line}}</a></p>{{/CL_WAIT}}
{{#REVIEW}}<div id="plan-review" data-status-url="/orders/{{ID}}/plan-status" data-state="pending" role="status" aria-live="polite">
	<p><strong id="plan-review-state">{{_ Under review}}</strong> {{_ by {INSTITUTION}: the answer usually comes within 1-3 minutes and this page updates itself.}}</p>
	<p><a href="/orders/{{ID}}" id="plan-refresh">{{_ Check again}}</a></p>
</div>
<script src="/static/plan_status.js" defer></script>{{/REVIEW}}
{{#DECLINED}}<div class="error-summary" id="plan-declined"><p>{{_ Declined by {INSTITUTION}:}} <strong id="plan-decline-reason">{{REASON}}</strong>.</p>
{{#RETRY}}<p><a class="button" href="/orders/{{ID}}/card">{{_ Try another card}}</a> {{_ or cancel the order below to choose another payment method.}}</p>{{/RETRY}}</div>{{/DECLINED}}
{{#OFFERED}}<p id="plan-offered">{{_ Approved by {INSTITUTION}. Review the plan and confirm it.}}</p>
<p><a class="button" id="to-confirm" href="/orders/{{ID}}/confirm">{{_ Confirm Installment and Pay Down Payment}}</a></p>{{/OFFERED}}
{{#RUNNING}}<p>{{_ Plan with {INSTITUTION}:}} <strong id="plan-state">{{STATE}}</strong>{{#CARD}}{{_ , paid with {BRAND} ending {LAST4}}}{{/CARD}}.</p>
<p><a class="button" id="to-schedule" href="/orders/{{ID}}/schedule">{{_ View repayment schedule}}</a></p>{{/RUNNING}}
</section>
