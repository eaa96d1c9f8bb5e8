{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Installment plans}}</h1>
<nav aria-label="{{_ Filters}}"><ul class="filters">
	<li><a href="/admin/plans">{{_ All}}</a></li>
	<li><a href="/admin/plans?filter=overdue"{{#F_OVERDUE}} aria-current="page"{{/F_OVERDUE}}>{{_ Overdue}}</a></li>
	<li><a href="/admin/plans?filter=suspended"{{#F_SUSPENDED}} aria-current="page"{{/F_SUSPENDED}}>{{_ Suspended users}}</a></li>
</ul></nav>
{{#EMPTY}}<p id="plans-empty">{{_ No plan matches.}}</p>{{/EMPTY}}
<table class="responsive" id="plans-table">
	<thead><tr><th scope="col">{{_ Plan}}</th><th scope="col">{{_ Order}}</th><th scope="col">{{_ User}}</th><th scope="col">{{_ Method}}</th><th scope="col">{{_ Institution}}</th><th scope="col" class="num">{{_ Principal}}</th><th scope="col">{{_ Months}}</th><th scope="col">{{_ State}}</th></tr></thead>
	<tbody>
	{{#ROW}}<tr><td data-label="{{_ Plan}}"><a href="/admin/plans/{{PID}}">#{{PID}}</a></td><td data-label="{{_ Order}}"><a href="/admin/orders/{{OID}}">#{{OID}}</a></td><td data-label="{{_ User}}">{{USER}}{{#SUSPENDED}} <span class="badge badge-risk">{{_ suspended}}</span>{{/SUSPENDED}}</td><td data-label="{{_ Method}}">{{METHOD}}</td><td data-label="{{_ Institution}}">{{INST}}</td><td data-label="{{_ Principal}}" class="num">{{PRINCIPAL}}</td><td data-label="{{_ Months}}">{{N}}</td><td data-label="{{_ State}}">{{STATE}}</td></tr>{{/ROW}}
	</tbody>
</table>
{{#MORE}}<p><a href="{{HREF}}">{{_ Next page}}</a></p>{{/MORE}}
