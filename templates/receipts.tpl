{{%AUTOESCAPE context="HTML"}}
<h1>Receipts of order #{{ID}}</h1>
<p><a href="/orders/{{ID}}">Back to order #{{ID}}</a></p>
{{#NONE}}<p class="empty-state" id="receipts-none">Nothing has been paid on this order yet: a receipt appears here for every amount paid.</p>{{/NONE}}
{{#ANY}}
<table class="receipts responsive" id="receipts">
	<thead><tr><th scope="col">Receipt</th><th scope="col">Paid for</th><th scope="col">Date</th><th scope="col" class="num">Amount paid</th><th scope="col">Keep a copy</th></tr></thead>
	<tbody>
	{{#RECEIPT}}<tr class="receipt-row" id="receipt-{{RID}}">
		<td data-label="Receipt">R-{{RID}}</td>
		<td data-label="Paid for">{{KIND}}{{#REF}}<br><span class="field-note">Reference {{REF}}</span>{{/REF}}</td>
		<td data-label="Date">{{AT}}</td>
		<td data-label="Amount paid" class="num receipt-amount">{{AMOUNT}}</td>
		<td data-label="Keep a copy"><a href="/orders/{{ORDER}}/receipts/{{RID}}">Print</a> · <a href="/orders/{{ORDER}}/receipts/{{RID}}/pdf">PDF</a></td>
	</tr>{{/RECEIPT}}
	</tbody>
</table>
{{/ANY}}
