{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Catalog}}</h1>
{{#NOTICE}}<p class="flash" role="status">{{MSG}}</p>{{/NOTICE}}
{{#FORM_ERROR}}<p class="error-summary" role="alert">{{MSG}}</p>{{/FORM_ERROR}}
{{#ANON}}<p class="notice notice-warn">{{_ To fill a cart,}} <a href="/signin?next=/catalog">{{_ sign in}}</a> {{_ or}} <a href="/register">{{_ create an account}}</a>.</p>{{/ANON}}
{{#EMPTY}}<p class="empty-state">{{_ The catalog is empty.}}</p>{{/EMPTY}}
{{#CATEGORY}}
<section class="category" aria-labelledby="cat-{{CAT_ID}}">
	<h2 id="cat-{{CAT_ID}}">{{CAT_NAME}}</h2>
	{{#CAT_KIND}}<p class="muted">{{KIND}}</p>{{/CAT_KIND}}
	<ul class="products">
	{{#PRODUCT}}
		<li class="product" id="product-{{ID}}" data-product-id="{{ID}}">
			<h3>{{NAME}}</h3>
			{{#DESC}}<p class="muted">{{TEXT}}</p>{{/DESC}}
			<p class="price" data-price="{{PRICE_PLAIN}}" data-currency="{{CURRENCY}}">{{PRICE}}</p>
			{{#BADGES}}<ul class="badges" aria-label="{{_ Payment notes}}">{{#BADGE}}<li class="badge badge-{{CLASS}}">{{LABEL}}</li>{{/BADGE}}</ul>{{/BADGES}}
			{{#ADD}}
			<form class="add-form" method="post" action="/cart/add">
				<input type="hidden" name="csrf" value="{{CSRF}}">
				<input type="hidden" name="product_id" value="{{ID}}">
				<div class="field">
					<label for="qty-{{ID}}">{{_ Quantity}}</label>
					<input class="qty" type="number" id="qty-{{ID}}" name="qty" value="1" min="1" max="99" required{{#QTY_ERR}} aria-invalid="true" aria-describedby="qty-err-{{ID}}"{{/QTY_ERR}}>
				</div>
				{{#QTY_ERR}}<p class="field-error" id="qty-err-{{ID}}">{{MSG}}</p>{{/QTY_ERR}}
				<button type="submit">{{_ Add to cart}}</button>
			</form>
			{{/ADD}}
		</li>
	{{/PRODUCT}}
	</ul>
</section>
{{/CATEGORY}}
