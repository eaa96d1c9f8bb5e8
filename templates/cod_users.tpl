{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{_ COD permissions}}</p>
<h1>{{_ COD permissions}}</h1>
<table class="admin-table responsive" id="cod-users"><thead><tr><th scope="col">{{_ Shopper}}</th><th scope="col">{{_ Completed COD orders}}</th><th scope="col">{{_ Violations}}</th><th scope="col">{{_ COD}}</th></tr></thead>
<tbody>{{#USER}}<tr><td data-label="{{_ Shopper}}"><a href="/admin/cod/users/{{ID}}">{{EMAIL}}</a></td><td data-label="{{_ Completed}}">{{COMPLETED}}</td><td data-label="{{_ Violations}}">{{VIOLATIONS}}</td><td data-label="{{_ COD}}">{{STATE}}</td></tr>{{/USER}}</tbody></table>
