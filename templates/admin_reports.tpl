{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; {{_ Money reports}}</p>
<h1>{{_ Money reports}}</h1>
<p class="muted">{{_ From the ledger, in exact amounts of {CURRENCY}. Days, weeks (Monday to Sunday) and months are UTC.}}</p>
<form class="admin-filters" method="get" action="/admin/reports" id="reports-form">
	<div class="field"><label for="r-period">{{_ Period}}</label><select id="r-period" name="period">{{#PERIOD}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{WORDS}}</option>{{/PERIOD}}</select></div>
	<div class="field"><label for="r-from">{{_ From}}</label><input type="date" id="r-from" name="from" value="{{FROM}}"></div>
	<div class="field"><label for="r-to">{{_ To}}</label><input type="date" id="r-to" name="to" value="{{TO}}"></div>
	<div class="field"><label for="r-currency">{{_ Currency}}</label><input type="text" id="r-currency" name="currency" value="{{CURRENCY}}" size="4" maxlength="3"></div>
	<div class="field"><button type="submit">{{_ Show}}</button></div>
</form>
{{#ERR_FORM}}<p class="field-error" role="alert" id="reports-error" data-field="{{ERR_FIELD}}">{{MSG}} {{_ The default range is shown.}}</p>{{/ERR_FORM}}
<nav aria-label="{{_ Reports}}"><ul class="admin-links">{{#NAV}}<li><a href="#report-{{SLUG}}">{{TITLE}}</a></li>{{/NAV}}</ul></nav>
{{#REPORT}}
<section class="report" id="report-{{SLUG}}" aria-labelledby="report-{{SLUG}}-h">
	<h2 id="report-{{SLUG}}-h">{{TITLE}}</h2>
	<p class="muted">{{DESC}}</p>
	{{#EMPTY}}<p class="empty-state">{{_ Nothing in this range.}}</p>{{/EMPTY}}
	{{#CHART}}<figure class="report-chart">{{SVG:none}}</figure>{{/CHART}}
	{{#DATA}}<div class="table-scroll"><table class="admin-table report-table" id="table-{{SLUG}}">
		<thead><tr><th scope="col">{{_ Period}}</th>{{#HEAD}}<th scope="col">{{NAME}}</th>{{/HEAD}}</tr></thead>
		<tbody>
{{#ROW}}			<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td class="num">{{VALUE}}</td>{{/CELL}}</tr>
{{/ROW}}		</tbody>
		<tfoot><tr class="report-total"><th scope="row">{{TOTAL_LABEL}}</th>{{#TOTAL}}<td class="num">{{VALUE}}</td>{{/TOTAL}}</tr></tfoot>
	</table></div>{{/DATA}}
</section>
{{/REPORT}}
