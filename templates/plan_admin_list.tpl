{{%AUTOESCAPE context="HTML"}}
<h1>Installment plans</h1>
<nav aria-label="Filters"><ul class="filters">
	<li><a href="/admin/plans">All</a></li>
	<li><a href="/admin/plans?filter=overdue"{{#F_OVERDUE}} aria-current="page"{{/F_OVERDUE}}>Overdue</a></li>
	<li><a href="/admin/plans?filter=suspended"{{#F_SUSPENDED}} aria-current="page"{{/F_SUSPENDED}}>Suspended users</a></li>
</ul></nav>
{{#EMPTY}}<p id="plans-empty">No plan matches.</p>{{/EMPTY}}
<table class="responsive" id="plans-table">
	<thead><tr><th scope="col">Plan</th><th scope="col">Order</th><th scope="col">User</th><th scope="col">Method</th><th scope="col">Institution</th><th scope="col" class="num">Principal</th><th scope="col">Months</th><th scope="col">State</th></tr></thead>
	<tbody>
	{{#ROW}}<tr><td data-label="Plan"><a href="/admin/plans/{{PID}}">#{{PID}}</a></td><td data-label="Order"><a href="/admin/orders/{{OID}}">#{{OID}}</a></td><td data-label="User">{{USER}}{{#SUSPENDED}} <span class="badge badge-risk">suspended</span>{{/SUSPENDED}}</td><td data-label="Method">{{METHOD}}</td><td data-label="Institution">{{INST}}</td><td data-label="Principal" class="num">{{PRINCIPAL}}</td><td data-label="Months">{{N}}</td><td data-label="State">{{STATE}}</td></tr>{{/ROW}}
	</tbody>
</table>
{{#MORE}}<p><a href="{{HREF}}">Next page</a></p>{{/MORE}}
