{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; COD permissions</p>
<h1>COD permissions</h1>
<table class="admin-table responsive" id="cod-users"><thead><tr><th scope="col">Shopper</th><th scope="col">Completed COD orders</th><th scope="col">Violations</th><th scope="col">COD</th></tr></thead>
<tbody>{{#USER}}<tr><td data-label="Shopper"><a href="/admin/cod/users/{{ID}}">{{EMAIL}}</a></td><td data-label="Completed">{{COMPLETED}}</td><td data-label="Violations">{{VIOLATIONS}}</td><td data-label="COD">{{STATE}}</td></tr>{{/USER}}</tbody></table>
