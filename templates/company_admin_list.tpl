{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; Companies</p>
<h1>Companies</h1>
<p class="muted"><a href="/admin/queues/qualifications">Qualification queue</a> · <a href="/admin/queues/corporate">Corporate installment applications</a></p>
<table class="admin-table responsive">
	<thead><tr><th scope="col">Company</th><th scope="col">Qualification</th><th scope="col">Valid until</th><th scope="col">COD limit (COD-02)</th><th scope="col">Remittance quota (REM-02)</th></tr></thead>
	<tbody>{{#COMPANY}}<tr><td data-label="Company"><a href="/admin/companies/{{ID}}">{{NAME}}</a></td><td data-label="Qualification">{{STATUS}}</td><td data-label="Valid until">{{EXPIRES}}</td><td data-label="COD limit">{{COD}}</td><td data-label="Remittance quota">{{REMIT}}</td></tr>{{/COMPANY}}</tbody>
</table>
