{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/companies">{{_ Companies}}</a> &rsaquo; <a href="/admin/companies/{{ID}}">{{NAME}}</a> &rsaquo; {{_ Credit}}</p>
<h1>{{NAME}}: credit and payouts</h1>
{{#NOTICE}}<p class="flash" role="status" id="credit-notice">{{MSG}}</p>{{/NOTICE}}
{{>CREDIT}}
