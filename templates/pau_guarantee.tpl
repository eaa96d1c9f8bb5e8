{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Pay After Use guarantee}}</h1>
<p>{{_ When a Pay After Use deduction fails, the platform settles the merchant in
full from its guarantee (PAU-04) and the shopper's debt stays open; a later
payment of the debt recovers it.}}</p>
<table id="pau-guarantee-totals">
	<caption>{{_ Totals}}</caption>
	<thead><tr><th scope="col">{{_ Currency}}</th><th scope="col">{{_ Paid out}}</th><th scope="col">{{_ Recovered}}</th><th scope="col">{{_ Outstanding}}</th></tr></thead>
	<tbody>
	{{#TOTAL}}<tr data-currency="{{CUR}}"><td>{{CUR}}</td><td class="pau-payout">{{PAYOUT}} ({{NPAYOUT}})</td><td>{{RECOVERED}} ({{NRECOVERED}})</td><td class="pau-outstanding">{{OUTSTANDING}}</td></tr>{{/TOTAL}}
	<tr><th scope="row">{{_ All, in USD}}</th><td id="pau-usd-payout">{{USD_PAYOUT}}</td><td id="pau-usd-recovered">{{USD_RECOVERED}}</td><td id="pau-usd-outstanding">{{USD_OUTSTANDING}}</td></tr>
	</tbody>
</table>
{{#EMPTY}}<p class="empty-state" id="pau-guarantee-empty">{{_ No guarantee entries yet.}}</p>{{/EMPTY}}
<table id="pau-guarantee-entries">
	<caption>{{_ Entries, newest first}}</caption>
	<thead><tr><th scope="col">#</th><th scope="col">{{_ When}}</th><th scope="col">{{_ Order}}</th><th scope="col">{{_ Shopper}}</th><th scope="col">{{_ Kind}}</th><th scope="col">{{_ Amount}}</th><th scope="col">{{_ USD}}</th><th scope="col">{{_ Note}}</th></tr></thead>
	<tbody>
	{{#ENTRY}}<tr id="pau-guarantee-{{ID}}" data-order="{{ORDER}}" data-kind="{{KIND}}"><td>{{ID}}</td><td>{{AT}}</td><td><a href="/admin/orders/{{ORDER}}">#{{ORDER}}</a></td><td>{{EMAIL}}</td><td>{{KIND}}</td><td>{{AMOUNT}}</td><td>{{USD}}</td><td>{{NOTE}}</td></tr>{{/ENTRY}}
	</tbody>
</table>
