{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/receipt.css">
<article class="receipt" id="receipt">
<header class="receipt-head">
	<p class="receipt-brand">{{_ mallpay}}</p>
	<h1>{{_ Receipt R-{RID}}}</h1>
</header>
<dl class="receipt-facts">
	<dt>{{_ Order}}</dt><dd id="receipt-order">#{{ORDER}}</dd>
	<dt>{{_ Payment method}}</dt><dd>{{METHOD}}</dd>
	<dt>{{_ Paid for}}</dt><dd id="receipt-kind">{{KIND}}</dd>
	<dt>{{_ Date}}</dt><dd id="receipt-date">{{AT}}</dd>
	{{#REF}}<dt>{{_ Reference}}</dt><dd id="receipt-ref">{{REF}}</dd>{{/REF}}
	<dt>{{_ Amount paid}}</dt><dd class="receipt-total" id="receipt-amount">{{AMOUNT}}</dd>
</dl>
<h2>{{_ Products of the order}}</h2>
<ul class="receipt-items">{{#ITEM}}<li>{{QTY}} × {{NAME}}</li>{{/ITEM}}</ul>
<p class="receipt-actions no-print">{{_ Print this page with your browser's Print command ·}} <a href="/orders/{{ORDER}}/receipts/{{RID}}/pdf" id="receipt-pdf">{{_ Download the PDF}}</a> · <a href="/orders/{{ORDER}}/receipts">{{_ All receipts of the order}}</a></p>
</article>
