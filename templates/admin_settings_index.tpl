{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">Admin</a> &rsaquo; Settings</p>
<h1>Settings</h1>
<p class="muted">Checkout reads these figures live; every change is in the <a href="/admin/audit?type=setting_changed">audit trail</a> with its old and new value.</p>
<ul class="admin-links">
{{#KIND}}	<li><a href="/admin/settings/{{SLUG}}">{{TITLE}}</a> <span class="hint">{{HELP}}</span></li>
{{/KIND}}	<li><a href="/admin/holidays">Holidays</a> <span class="hint">Business days (C-04).</span></li>
	<li><a href="/admin/fx">Exchange rates</a> <span class="hint">USD thresholds (C-02).</span></li>
</ul>
