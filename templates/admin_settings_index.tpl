{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{_ Settings}}</p>
<h1>{{_ Settings}}</h1>
<p class="muted">{{_ Checkout reads these figures live; every change is in the}} <a href="/admin/audit?type=setting_changed">{{_ audit trail}}</a> {{_ with its old and new value.}}</p>
<ul class="admin-links">
{{#KIND}}	<li><a href="/admin/settings/{{SLUG}}">{{TITLE}}</a> <span class="hint">{{HELP}}</span></li>
{{/KIND}}	<li><a href="/admin/holidays">{{_ Holidays}}</a> <span class="hint">{{_ Business days (C-04).}}</span></li>
	<li><a href="/admin/fx">{{_ Exchange rates}}</a> <span class="hint">{{_ USD thresholds (C-02).}}</span></li>
</ul>
