{{%AUTOESCAPE context="HTML"}}
<h1>Pay After Use guarantee</h1>
<p>When a Pay After Use deduction fails, the platform settles the merchant in
full from its guarantee (PAU-04) and the shopper's debt stays open; a later
payment of the debt recovers it.</p>
<table id="pau-guarantee-totals">
	<caption>Totals</caption>
	<thead><tr><th scope="col">Currency</th><th scope="col">Paid out</th><th scope="col">Recovered</th><th scope="col">Outstanding</th></tr></thead>
	<tbody>
	{{#TOTAL}}<tr data-currency="{{CUR}}"><td>{{CUR}}</td><td class="pau-payout">{{PAYOUT}} ({{NPAYOUT}})</td><td>{{RECOVERED}} ({{NRECOVERED}})</td><td class="pau-outstanding">{{OUTSTANDING}}</td></tr>{{/TOTAL}}
	<tr><th scope="row">All, in USD</th><td id="pau-usd-payout">{{USD_PAYOUT}}</td><td id="pau-usd-recovered">{{USD_RECOVERED}}</td><td id="pau-usd-outstanding">{{USD_OUTSTANDING}}</td></tr>
	</tbody>
</table>
{{#EMPTY}}<p class="empty-state" id="pau-guarantee-empty">No guarantee entries yet.</p>{{/EMPTY}}
<table id="pau-guarantee-entries">
	<caption>Entries, newest first</caption>
	<thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Order</th><th scope="col">Shopper</th><th scope="col">Kind</th><th scope="col">Amount</th><th scope="col">USD</th><th scope="col">Note</th></tr></thead>
	<tbody>
	{{#ENTRY}}<tr id="pau-guarantee-{{ID}}" data-order="{{ORDER}}" data-kind="{{KIND}}"><td>{{ID}}</td><td>{{AT}}</td><td><a href="/admin/orders/{{ORDER}}">#{{ORDER}}</a></td><td>{{EMAIL}}</td><td>{{KIND}}</td><td>{{AMOUNT}}</td><td>{{USD}}</td><td>{{NOTE}}</td></tr>{{/ENTRY}}
	</tbody>
</table>
