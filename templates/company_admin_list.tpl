{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{_ Companies}}</p>
<h1>{{_ Companies}}</h1>
<p class="muted"><a href="/admin/queues/qualifications">{{_ Qualification queue}}</a> · <a href="/admin/queues/corporate">{{_ Corporate installment applications}}</a></p>
<table class="admin-table responsive">
	<thead><tr><th scope="col">{{_ Company}}</th><th scope="col">{{_ Qualification}}</th><th scope="col">{{_ Valid until}}</th><th scope="col">{{_ COD limit (COD-02)}}</th><th scope="col">{{_ Remittance quota (REM-02)}}</th></tr></thead>
	<tbody>{{#COMPANY}}<tr><td data-label="{{_ Company}}"><a href="/admin/companies/{{ID}}">{{NAME}}</a></td><td data-label="{{_ Qualification}}">{{STATUS}}</td><td data-label="{{_ Valid until}}">{{EXPIRES}}</td><td data-label="{{_ COD limit}}">{{COD}}</td><td data-label="{{_ Remittance quota}}">{{REMIT}}</td></tr>{{/COMPANY}}</tbody>
</table>
