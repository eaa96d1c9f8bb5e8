{{%AUTOESCAPE context="HTML"}}
<h1>Post office statements</h1>
{{#ERROR}}<p class="error-summary" role="alert" id="import-error">{{MSG}}</p>{{/ERROR}}
{{#RESULT}}
{{#ALREADY}}<p class="flash" role="status" id="import-already">This statement was already imported at {{AT}}: nothing was changed.</p>{{/ALREADY}}
{{#COUNTS}}<p class="flash" role="status" id="import-result">Imported {{LINES}} lines: <span id="import-matched">{{MATCHED}}</span> matched, <span id="import-unmatched">{{UNMATCHED}}</span> listed below for a person, <span id="import-duplicates">{{DUPLICATES}}</span> imported before.</p>{{/COUNTS}}
{{/RESULT}}
<form method="post" action="/admin/remittance/statements" enctype="multipart/form-data" id="statement-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p><label for="statement">Statement CSV (columns: code, amount, currency, date, tracking number; a header line is skipped)</label>
	<input type="file" id="statement" name="statement" accept=".csv,text/csv" required></p>
	<p class="field-note">Lines whose remittance code checks and matches an order awaiting payment are matched like a manual receipt (REM-P5, REM-P7). Importing the same file again changes nothing.</p>
	<button type="submit">Import statement</button>
</form>
<p><a href="/admin/vouchers">Voucher queue</a></p>
<section aria-labelledby="unmatched-h">
<h2 id="unmatched-h">Lines for a person to match</h2>
<table class="responsive" id="unmatched-lines">
	<thead><tr><th scope="col">Imported</th><th scope="col">Line</th><th scope="col">Text</th><th scope="col">Why not matched</th></tr></thead>
	<tbody>{{#LINE}}<tr><td>{{AT}}</td><td>{{NO}}</td><td><code>{{RAW}}</code></td><td>{{NOTE}}</td></tr>{{/LINE}}</tbody>
</table>
</section>
