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
		<tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Payment method</th><th scope="col">Status</th><th scope="col" class="num">Amount to pay</th><th scope="col">Next step</th></tr>
	</thead>
	<tbody>
	{{#ORDER}}
		<tr class="order-row" data-order-id="{{ID}}" data-status="{{STATUS_CODE}}">
			<td data-label="Order" id="order-{{ID}}"><a href="/orders/{{ID}}">{{NUMBER}}</a></td>
			<td data-label="Placed">{{PLACED}}</td>
			<td data-label="Payment method">{{METHOD}}</td>
			<td data-label="Status">{{STATE}}</td>
			<td data-label="Amount to pay" class="num">{{AMOUNT}}{{#FEE}}<br><span class="field-note">+ COD service fee {{AMOUNT}}</span>{{/FEE}}{{#DEFERRED}}<br><span class="field-note">{{AMOUNT}} at receipt (Pay After Use)</span>{{/DEFERRED}}{{#DEBT}}<br><strong class="debt" id="debt-{{ID}}">Owed now {{AMOUNT}}</strong> <a href="{{HREF}}" id="debt-pay-{{ID}}">Pay now</a>{{/DEBT}}</td>
			<td data-label="Next step"><a class="next-action" href="{{ACTION_HREF}}">{{ACTION}}</a></td>
		</tr>
	{{/ORDER}}
	</tbody>
</table>
<nav class="pager" aria-label="Pages">
	{{#PREV}}<a rel="prev" href="/orders?page={{PAGE}}">Newer orders</a>{{/PREV}}
	<span>Page {{PAGE}}</span>
	{{#NEXT}}<a rel="next" href="/orders?page={{PAGE}}">Older orders</a>{{/NEXT}}
</nav>
{{/ORDERS}}
