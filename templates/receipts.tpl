{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Receipts of order #{ID}}}</h1>
<p><a href="/orders/{{ID}}">{{_ Back to order #{ID}}}</a></p>
{{#NONE}}<p class="empty-state" id="receipts-none">{{_ Nothing has been paid on this order yet: a receipt appears here for every amount paid.}}</p>{{/NONE}}
{{#ANY}}
<table class="receipts responsive" id="receipts">
	<thead><tr><th scope="col">{{_ Receipt}}</th><th scope="col">{{_ Paid for}}</th><th scope="col">{{_ Date}}</th><th scope="col" class="num">{{_ Amount paid}}</th><th scope="col">{{_ Keep a copy}}</th></tr></thead>
	<tbody>
	{{#RECEIPT}}<tr class="receipt-row" id="receipt-{{RID}}">
		<td data-label="{{_ Receipt}}">R-{{RID}}</td>
		<td data-label="{{_ Paid for}}">{{KIND}}{{#REF}}<br><span class="field-note">{{_ Reference {REF}}}</span>{{/REF}}</td>
		<td data-label="{{_ Date}}">{{AT}}</td>
		<td data-label="{{_ Amount paid}}" class="num receipt-amount">{{AMOUNT}}</td>
		<td data-label="{{_ Keep a copy}}"><a href="/orders/{{ORDER}}/receipts/{{RID}}">{{_ Print}}</a> · <a href="/orders/{{ORDER}}/receipts/{{RID}}/pdf">{{_ PDF}}</a></td>
	</tr>{{/RECEIPT}}
	</tbody>
</table>
{{/ANY}}
