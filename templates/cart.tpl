{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Your cart}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="cart-notice">{{MSG}}</p>{{/NOTICE}}
{{#FORM_ERROR}}<p class="error-summary" role="alert" id="cart-error">{{MSG}}</p>{{/FORM_ERROR}}
{{#EMPTY}}
<div class="empty-state">
	<p>{{_ Your cart is empty.}}</p>
	<p><a class="button" href="/catalog">{{_ Browse the catalog}}</a></p>
</div>
{{/EMPTY}}
{{#ITEMS}}
<table class="cart responsive">
	<thead>
		<tr><th scope="col">{{_ Product}}</th><th scope="col" class="num">{{_ Unit price}}</th><th scope="col">{{_ Quantity}}</th><th scope="col" class="num">{{_ Line total}}</th><th scope="col"><span class="sr-only">{{_ Remove}}</span></th></tr>
	</thead>
	<tbody>
	{{#ITEM}}
		<tr class="cart-item" id="item-{{PRODUCT_ID}}" data-product-id="{{PRODUCT_ID}}" data-qty="{{QTY}}">
			<td data-label="{{_ Product}}"><span class="item-name">{{NAME}}</span>{{#BADGES}}<ul class="badges">{{#BADGE}}<li class="badge badge-{{CLASS}}">{{LABEL}}</li>{{/BADGE}}</ul>{{/BADGES}}</td>
			<td data-label="{{_ Unit price}}" class="num">{{UNIT_PRICE}}</td>
			<td data-label="{{_ Quantity}}">
				<form class="inline-form" method="post" action="/cart/update">
					<input type="hidden" name="csrf" value="{{CSRF}}">
					<input type="hidden" name="product_id" value="{{PRODUCT_ID}}">
					<label for="qty-{{PRODUCT_ID}}" class="sr-only">{{_ Quantity of {NAME}}}</label>
					<input class="qty" type="number" id="qty-{{PRODUCT_ID}}" name="qty" value="{{QTY_VALUE}}" min="1" max="99" required{{#QTY_ERR}} aria-invalid="true" aria-describedby="qty-err-{{PRODUCT_ID}}"{{/QTY_ERR}}>
					<button type="submit" class="secondary">{{_ Update}}</button>
					{{#QTY_ERR}}<p class="field-error" id="qty-err-{{PRODUCT_ID}}">{{MSG}}</p>{{/QTY_ERR}}
				</form>
			</td>
			<td data-label="{{_ Line total}}" class="num line-total">{{LINE_TOTAL}}</td>
			<td>
				<form class="inline-form" method="post" action="/cart/remove">
					<input type="hidden" name="csrf" value="{{CSRF}}">
					<input type="hidden" name="product_id" value="{{PRODUCT_ID}}">
					<button type="submit" class="link">{{_ Remove}}<span class="sr-only"> {{NAME}}</span></button>
				</form>
			</td>
		</tr>
	{{/ITEM}}
	</tbody>
	<tfoot>
	{{#TOTAL}}
		<tr class="cart-total"><th scope="row" colspan="3">{{_ Total {CURRENCY}}}</th><td class="num" id="total-{{CURRENCY}}">{{AMOUNT}}</td><td></td></tr>
	{{/TOTAL}}
	</tfoot>
</table>
{{#MIXED}}<p class="muted">{{_ Your cart holds items priced in more than one currency; at checkout the order settles in USD, each item converted at the exchange rate of the day.}}</p>{{/MIXED}}
<div class="cart-actions">
	<a href="/catalog">{{_ Continue shopping}}</a>
	{{#CHECKOUT}}<a class="button" href="/checkout">{{_ Go to checkout}}</a>{{/CHECKOUT}}
</div>
{{/ITEMS}}
