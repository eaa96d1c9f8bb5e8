{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/orders/{{ID}}">{{_ Order #{ID}}}</a> &rsaquo; {{_ Desk}}</p>
<h1>Order #{{ID}}: review and shipping</h1>
{{#NOTICE}}<p class="flash" role="status" id="desk-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="desk-error">{{MSG}}</p>{{/ERROR}}
<dl class="amounts">
	<dt>{{_ Status}}</dt><dd id="desk-status">{{STATUS}}</dd>
	<dt>{{_ Method}}</dt><dd>{{METHOD}}</dd>
	<dt>{{_ Shopper}}</dt><dd><a href="/admin/cod/users/{{USER_ID}}">{{EMAIL}}</a></dd>
	<dt>{{_ Ships to}}</dt><dd>{{COUNTRY}}</dd>
	{{#SHIP_ADDR}}<dt>{{_ Delivery address}}</dt><dd id="desk-address"><address class="ship-to">{{RECIPIENT}}<br>{{LINE1}}<br>{{#LINE2}}{{TEXT}}<br>{{/LINE2}}{{CITY}}{{#REGION}}, {{TEXT}}{{/REGION}}{{#POSTAL}} {{TEXT}}{{/POSTAL}}<br>{{COUNTRY_NAME}}<br>{{_ Phone: {PHONE}}}</address></dd>
	<dt>{{_ Service area}}{{AREA_RULE}}</dt><dd id="desk-area">{{AREA}}: {{#COD}}{{_ cash on delivery is offered there}}{{/COD}}{{#NO_COD}}{{_ cash on delivery is not offered there}}{{/NO_COD}}{{_ ; delivery promised within {DAYS}}}</dd>{{/SHIP_ADDR}}
	<dt>{{_ Amount}}</dt><dd>{{AMOUNT}}</dd>
	{{#FEE}}<dt>{{_ COD service fee (COD-F1)}}</dt><dd>{{AMOUNT}}</dd>{{/FEE}}
	{{#REVIEW_DUE}}<dt>{{LABEL}}</dt><dd>{{DATE}}</dd>{{/REVIEW_DUE}}
	{{#REFUND_DUE}}<dt>{{_ Refund by}}</dt><dd id="desk-refund-due">{{DATE}}</dd>{{/REFUND_DUE}}
	{{#SHIPMENT}}<dt>{{_ Shipment}}</dt><dd>{{CARRIER}}, {{TRACKING}}</dd>{{/SHIPMENT}}
	{{#PAID}}<dt>{{_ Courier payment record}}</dt><dd>{{RECORD}} ({{METHOD}})</dd>{{/PAID}}
</dl>
{{#REVIEW}}
<form method="post" action="/admin/orders/{{ID}}/cod-approve" id="cod-approve">
	<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="from" value="awaiting_review"><input type="hidden" name="back" value="desk">
	<button type="submit">{{_ Approve for cash on delivery (COD-P1)}}</button>
</form>
<form method="post" action="/admin/orders/{{ID}}/cod-reject" id="cod-reject">
	<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="from" value="awaiting_review"><input type="hidden" name="back" value="desk">
	<div class="field"><label for="reject-reason">{{_ Reason (the shopper reads it)}}</label><input type="text" id="reject-reason" name="reason" maxlength="200" required></div>
	<button type="submit" class="secondary">{{_ Reject}}</button>
</form>
{{/REVIEW}}
{{#SHIP}}
<form method="post" action="/admin/orders/{{ID}}/ship" id="mark-shipped">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<div class="field"><label for="ship-carrier">{{_ Carrier}}</label><input type="text" id="ship-carrier" name="carrier" maxlength="64"></div>
	<div class="field"><label for="ship-tracking">{{_ Tracking number}}</label><input type="text" id="ship-tracking" name="tracking" maxlength="64"></div>
	<p class="field-note">{{_ Leave both empty to book the shipment with the logistics company.}}</p>
	<button type="submit">{{_ Mark shipped}}</button>
</form>
{{/SHIP}}
{{#DELIVER}}
<form method="post" action="/admin/orders/{{ID}}/deliver" id="mark-delivered">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<button type="submit">{{_ Mark delivered}}</button>
</form>
{{/DELIVER}}
{{#RETURN_RECEIVED}}
<form method="post" action="/admin/orders/{{ID}}/return-received" id="return-received">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<button type="submit">{{_ Goods received back (refund due in 3-5 business days)}}</button>
</form>
{{/RETURN_RECEIVED}}
{{#REFUND}}
<form method="post" action="/admin/orders/{{ID}}/refund-sent" id="refund-sent">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<button type="submit">{{_ Refund sent}}</button>
</form>
{{/REFUND}}
<h2>{{_ Tracking}}</h2>
<ol class="timeline" id="desk-tracking">{{#TEV}}<li><time>{{AT}}</time> <strong>{{KIND}}</strong> ({{SOURCE}}) {{DETAIL}}</li>{{/TEV}}</ol>
