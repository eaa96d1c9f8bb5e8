{{%AUTOESCAPE context="HTML"}}
<h1>{{_ My Orders}}</h1>
{{#NOTICE}}<p class="flash" role="status">{{MSG}}</p>{{/NOTICE}}
{{#SEARCH}}
<form method="get" action="/orders" class="order-search" id="order-search" role="search">
	<div class="field"><label for="orders-q">{{_ Order number or product}}</label>
	<input type="search" id="orders-q" name="q" value="{{Q}}" maxlength="100" placeholder="{{_ #1234 or a product name}}"></div>
	<div class="field"><label for="orders-status">{{_ Status}}</label>
	<select id="orders-status" name="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="orders-status-error"{{/STATUS_ERROR}}>
		<option value="">{{_ Any status}}</option>
		{{#STATUS_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPT}}
	</select>
	{{#STATUS_ERROR}}<span class="field-error" id="orders-status-error">{{_ Choose a status from the list.}}</span>{{/STATUS_ERROR}}</div>
	<div class="field"><label for="orders-method">{{_ Payment method}}</label>
	<select id="orders-method" name="method"{{#METHOD_ERROR}} aria-invalid="true" aria-describedby="orders-method-error"{{/METHOD_ERROR}}>
		<option value="">{{_ Any method}}</option>
		{{#METHOD_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/METHOD_OPT}}
	</select>
	{{#METHOD_ERROR}}<span class="field-error" id="orders-method-error">{{_ Choose a payment method from the list.}}</span>{{/METHOD_ERROR}}</div>
	<div class="field actions"><button type="submit" id="orders-search-go">{{_ Search}}</button>{{#CLEAR}} <a href="/orders" id="orders-clear">{{_ Show all orders}}</a>{{/CLEAR}}</div>
</form>
{{/SEARCH}}
{{#EMPTY}}
<div class="empty-state" id="orders-empty">
	<p>{{_ You have no orders yet.}}</p>
	<p><a class="button" href="/catalog">{{_ Browse the catalog}}</a></p>
</div>
{{/EMPTY}}
{{#NONE_FOUND}}
<div class="empty-state" id="orders-none-found">
	<p>{{_ No order matches this search.}}</p>
	<p><a href="/orders">{{_ Show all orders}}</a></p>
</div>
{{/NONE_FOUND}}
{{#ORDERS}}
<table class="orders responsive">
	<thead>
		<tr><th scope="col">{{_ Order}}</th><th scope="col">{{_ Products}}</th><th scope="col">{{_ Placed}}</th><th scope="col">{{_ Payment method}}</th><th scope="col">{{_ Status}}</th><th scope="col" class="num">{{_ Amount to pay}}</th><th scope="col">{{_ Next step}}</th></tr>
	</thead>
	<tbody>
	{{#ORDER}}
		<tr class="order-row" data-order-id="{{ID}}" data-status="{{STATUS_CODE}}">
			<td data-label="{{_ Order}}" id="order-{{ID}}"><a href="/orders/{{ID}}">{{NUMBER}}</a></td>
			<td data-label="{{_ Products}}" class="order-products"><img class="thumb" src="/static/thumbs/{{THUMB}}.svg" alt="" width="48" height="48"><ul class="product-names">{{#PRODUCT}}<li>{{NAME}}</li>{{/PRODUCT}}</ul></td>
			<td data-label="{{_ Placed}}">{{PLACED}}</td>
			<td data-label="{{_ Payment method}}">{{METHOD}}</td>
			<td data-label="{{_ Status}}" class="order-state">{{STATE}}</td>
			<td data-label="{{_ Amount to pay}}" class="num">{{AMOUNT}}{{#FEE}}<br><span class="field-note">{{_ + COD service fee {AMOUNT}}}</span>{{/FEE}}{{#DEFERRED}}<br><span class="field-note">{{_ {AMOUNT} at receipt (Pay After Use)}}</span>{{/DEFERRED}}{{#DEBT}}<br><strong class="debt" id="debt-{{ID}}">{{_ Owed now {AMOUNT}}}</strong> <a href="{{HREF}}" id="debt-pay-{{ID}}">{{_ Pay now}}</a>{{/DEBT}}</td>
			<td data-label="{{_ Next step}}"><a class="next-action" href="{{ACTION_HREF}}">{{ACTION}}</a></td>
		</tr>
	{{/ORDER}}
	</tbody>
</table>
<nav class="pager" aria-label="{{_ Pages}}">
	{{#PREV}}<a rel="prev" href="{{HREF}}">{{_ Newer orders}}</a>{{/PREV}}
	<span>{{_ Page {PAGE}}}</span>
	{{#NEXT}}<a rel="next" href="{{HREF}}">{{_ Older orders}}</a>{{/NEXT}}
</nav>
{{/ORDERS}}
