{{%AUTOESCAPE context="HTML"}}
<h1>My Orders</h1>
{{#NOTICE}}<p class="flash" role="status">{{MSG}}</p>{{/NOTICE}}
{{#EMPTY}}
<div class="empty-state" id="orders-empty">
	<p>You have no orders yet.</p>
	<p><a class="button" href="/catalog">Browse the catalog</a></p>
</div>
{{/EMPTY}}
{{#ORDERS}}
<table class="orders responsive">
	<thead>
		<tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Payment method</th><th scope="col">Status</th><th scope="col" class="num">Amount to pay</th></tr>
	</thead>
	<tbody>
	{{#ORDER}}
		<tr>
			<td data-label="Order" id="order-{{ID}}">{{NUMBER}}</td>
			<td data-label="Placed">{{PLACED}}</td>
			<td data-label="Payment method">{{METHOD}}</td>
			<td data-label="Status">{{STATE}}</td>
			<td data-label="Amount to pay" class="num">{{AMOUNT}}</td>
		</tr>
	{{/ORDER}}
	</tbody>
</table>
{{/ORDERS}}
