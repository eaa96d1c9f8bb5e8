{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/orders">{{_ Orders}}</a> &rsaquo; #{{ID}}</p>
<h1>{{_ Order #{ID}}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="order-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="order-error">{{MSG}}</p>{{/ERROR}}
<dl class="admin-facts">
	<div><dt>{{_ Shopper}}</dt><dd><a href="/admin/orders?user={{USER_ID}}">{{USER}}</a></dd></div>
	<div><dt>{{_ Status}}</dt><dd id="order-status" data-status="{{STATUS_CODE}}">{{STATUS}}</dd></div>
	<div><dt>{{_ Method}}</dt><dd>{{METHOD}}</dd></div>
	<div><dt>{{_ Amount to pay}}</dt><dd id="order-amount">{{#AMOUNT}}{{SUM}}{{#OVERDUE}} <span class="badge badge-late">{{_ overdue}}</span>{{/OVERDUE}}{{/AMOUNT}}</dd></div>
	<div><dt>{{_ Fee}}</dt><dd>{{FEE}}</dd></div>
	<div><dt>{{_ Quoted rate (USD per unit)}}</dt><dd>{{RATE}}</dd></div>
	<div><dt>{{_ Destination}}</dt><dd>{{DEST}}</dd></div>
	<div><dt>{{_ Placed}}</dt><dd>{{CREATED}}</dd></div>
	<div{{#LATE}} class="late"{{/LATE}}><dt>{{_ Promised by}}</dt><dd>{{PROMISED}}{{#LATE}} <span class="badge badge-late">{{_ late}}</span>{{/LATE}}</dd></div>
</dl>
<h2>{{_ Items}}</h2>
<table class="admin-table responsive">
	<thead><tr><th scope="col">{{_ Item}}</th><th scope="col" class="num">{{_ Qty}}</th><th scope="col" class="num">{{_ Unit price}}</th></tr></thead>
	<tbody>{{#ITEM}}<tr><td data-label="{{_ Item}}">{{NAME}}</td><td data-label="{{_ Qty}}" class="num">{{QTY}}</td><td data-label="{{_ Unit price}}" class="num">{{PRICE}}</td></tr>{{/ITEM}}</tbody>
</table>
<h2>{{_ History}}</h2>
{{#NO_EVENTS}}<p class="muted">{{_ No events recorded.}}</p>{{/NO_EVENTS}}
<ol class="admin-history" id="order-history">
{{#EVENT}}	<li><time>{{AT}}</time> <strong>{{FROM}} &rarr; {{TO}}</strong> {{_ by {ACTOR}: {REASON}}} <span class="muted">{{DETAIL}}</span></li>
{{/EVENT}}</ol>
{{#DECIDE}}
<h2>{{_ Decide}}</h2>
<form class="stack" method="post" action="/admin/orders/{{ID}}/cancel">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="from" value="{{FROM}}">
	<div class="field">
		<label for="reason">{{_ Reason for cancelling (nothing has been paid)}}</label>
		<input type="text" id="reason" name="reason" maxlength="200">
	</div>
	<button type="submit" class="secondary">{{_ Cancel order}}</button>
</form>
{{/DECIDE}}
