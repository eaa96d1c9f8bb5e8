{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{_ Audit trail}}</p>
<h1>{{_ Audit trail}}</h1>
<form class="admin-filters" method="get" action="/admin/audit">
	<div class="field"><label for="a-q">{{_ Search (order number, email, remittance code, tracking number, company)}}</label><input type="search" id="a-q" name="q" value="{{F_Q}}" maxlength="200"{{#Q_ERROR}} aria-invalid="true" aria-describedby="a-q-error"{{/Q_ERROR}}>{{#Q_ERROR}}<span class="field-error" id="a-q-error">{{MSG}}</span>{{/Q_ERROR}}</div>
	<div class="field"><label for="subject_type">{{_ Subject}}</label><select id="subject_type" name="subject_type">
		<option value="">{{_ Any}}</option><option value="order">{{_ order}}</option><option value="application">{{_ application}}</option><option value="voucher">{{_ voucher}}</option><option value="plan">{{_ plan}}</option><option value="user">{{_ user}}</option><option value="company">{{_ company}}</option><option value="setting">{{_ setting}}</option>
	</select></div>
	<div class="field"><label for="subject_id">{{_ Subject id}}</label><input type="text" id="subject_id" name="subject_id" value="{{F_SUBJECT_ID}}" inputmode="numeric"></div>
	<div class="field"><label for="a-user">{{_ User (email or id)}}</label><input type="text" id="a-user" name="user" value="{{F_USER}}"></div>
	<div class="field"><label for="a-admin">{{_ Admin (email or id)}}</label><input type="text" id="a-admin" name="admin" value="{{F_ADMIN}}"></div>
	<div class="field"><label for="a-type">{{_ Type (new state)}}</label><input type="text" id="a-type" name="type" value="{{F_TYPE}}" list="event-types"></div>
	<datalist id="event-types"><option value="signin"><option value="signin_failed"><option value="setting_changed"><option value="cancelled"></datalist>
	<div class="field"><label for="a-from">{{_ From}}</label><input type="date" id="a-from" name="from" value="{{F_FROM}}"></div>
	<div class="field"><label for="a-to">{{_ To}}</label><input type="date" id="a-to" name="to" value="{{F_TO}}"></div>
	<div class="field"><button type="submit">{{_ Search}}</button></div>
</form>
{{#EXPORT}}<p><a class="button secondary" id="audit-export" href="{{HREF}}" download>{{_ Export CSV}}</a></p>{{/EXPORT}}
{{#EXACT}}<p class="muted" id="audit-total" data-subject-type="{{F_SUBJECT_TYPE}}">{{_ {TOTAL} event(s), page {PAGE}.}}</p>{{/EXACT}}{{#MANY}}<p class="muted" id="audit-total" data-subject-type="{{F_SUBJECT_TYPE}}" data-more-than="{{CAP}}">{{_ More than {CAP} events, page {PAGE}.}}</p>{{/MANY}}
{{#UNKNOWN_USER}}<p class="notice notice-warn">{{_ No account has that email.}}</p>{{/UNKNOWN_USER}}
{{#EMPTY}}<p class="empty-state" id="audit-empty">{{_ No events match.}}</p>{{/EMPTY}}
<table class="admin-table responsive" id="audit-events">
	<thead><tr><th scope="col">{{_ When}}</th><th scope="col">{{_ Subject}}</th><th scope="col">{{_ Actor}}</th><th scope="col">{{_ From}}</th><th scope="col">{{_ To}}</th><th scope="col">{{_ Why}}</th><th scope="col">{{_ Detail}}</th></tr></thead>
	<tbody>
{{#EVENT}}		<tr class="audit-event" data-event-id="{{ID}}"><td data-label="{{_ When}}">{{AT}}</td><td data-label="{{_ Subject}}">{{#ORDER_LINK}}<a href="{{HREF}}">{{/ORDER_LINK}}{{SUBJECT}}{{#ORDER_LINK}}</a>{{/ORDER_LINK}}</td><td data-label="{{_ Actor}}">{{ACTOR}}</td><td data-label="{{_ From}}">{{FROM}}</td><td data-label="{{_ To}}">{{TO}}</td><td data-label="{{_ Why}}">{{REASON}}</td><td data-label="{{_ Detail}}" class="audit-detail">{{#SHORT}}{{TEXT}}{{/SHORT}}{{#FOLDED}}<details><summary>{{SUMMARY}}</summary><pre class="audit-long">{{TEXT}}</pre></details>{{/FOLDED}}</td></tr>
{{/EVENT}}	</tbody>
</table>
<nav class="pager" aria-label="{{_ Pages}}">{{#PREV}}<a href="{{HREF}}" rel="prev">&larr; {{_ Previous}}</a>{{/PREV}} {{#NEXT}}<a href="{{HREF}}" rel="next">{{_ Next}} &rarr;</a>{{/NEXT}}</nav>
