{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; <a href="/admin/orders">Orders</a> &rsaquo; #{{ID}}</p>
<h1>Order #{{ID}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="order-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="order-error">{{MSG}}</p>{{/ERROR}}
<dl class="admin-facts">
	<div><dt>Shopper</dt><dd><a href="/admin/orders?user={{USER_ID}}">{{USER}}</a></dd></div>
	<div><dt>Status</dt><dd id="order-status" data-status="{{STATUS_CODE}}">{{STATUS}}</dd></div>
	<div><dt>Method</dt><dd>{{METHOD}}</dd></div>
	<div><dt>Amount to pay</dt><dd id="order-amount">{{#AMOUNT}}{{SUM}}{{#OVERDUE}} <span class="badge badge-late">overdue</span>{{/OVERDUE}}{{/AMOUNT}}</dd></div>
	<div><dt>Fee</dt><dd>{{FEE}}</dd></div>
	<div><dt>Quoted rate (USD per unit)</dt><dd>{{RATE}}</dd></div>
	<div><dt>Destination</dt><dd>{{DEST}}</dd></div>
	<div><dt>Placed</dt><dd>{{CREATED}}</dd></div>
	<div{{#LATE}} class="late"{{/LATE}}><dt>Promised by</dt><dd>{{PROMISED}}{{#LATE}} <span class="badge badge-late">late</span>{{/LATE}}</dd></div>
</dl>
<h2>Items</h2>
<table class="admin-table responsive">
	<thead><tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th></tr></thead>
	<tbody>{{#ITEM}}<tr><td data-label="Item">{{NAME}}</td><td data-label="Qty" class="num">{{QTY}}</td><td data-label="Unit price" class="num">{{PRICE}}</td></tr>{{/ITEM}}</tbody>
</table>
<h2>History</h2>
{{#NO_EVENTS}}<p class="muted">No events recorded.</p>{{/NO_EVENTS}}
<ol class="admin-history" id="order-history">
{{#EVENT}}	<li><time>{{AT}}</time> <strong>{{FROM}} &rarr; {{TO}}</strong> by {{ACTOR}}: {{REASON}} <span class="muted">{{DETAIL}}</span></li>
{{/EVENT}}</ol>
{{#DECIDE}}
<h2>Decide</h2>
<form class="stack" method="post" action="/admin/orders/{{ID}}/cancel">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="from" value="{{FROM}}">
	<div class="field">
		<label for="reason">Reason for cancelling (nothing has been paid)</label>
		<input type="text" id="reason" name="reason" maxlength="200">
	</div>
	<button type="submit" class="secondary">Cancel order</button>
</form>
{{/DECIDE}}
