{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/companies">{{_ Companies}}</a> &rsaquo; {{NAME}}</p>
<h1>{{NAME}}</h1>
{{#NOTICE}}<p class="flash" role="status" id="company-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="company-error">{{MSG}}</p>{{/ERROR}}
<dl class="amounts">
	<dt>{{_ Country}}</dt><dd>{{COUNTRY}}</dd>
	<dt>{{_ Qualification (INST-03)}}</dt><dd id="company-status">{{STATUS}}, valid until {{EXPIRES}}</dd>
	<dt>Completed orders, last {{WINDOW}} days (INST-04)</dt><dd id="completed-90d">{{COMPLETED}}</dd>
</dl>
<form method="post" action="/admin/companies/{{ID}}/limits" id="limits-form" class="stack-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<input type="hidden" name="save" value="1">
	<fieldset><legend>{{_ Agreements (set by customer service)}}</legend>
	<div class="field"><label><input type="checkbox" name="agreement" value="1"{{#AGREEMENT}} checked{{/AGREEMENT}}> {{_ Signed long-term agreement (COD-02)}}</label></div>
	<div class="field"><label for="cod_limit">{{_ COD limit in USD (COD-02; empty: none)}}</label>
	<input type="text" id="cod_limit" name="cod_limit" value="{{COD}}" inputmode="decimal"></div>
	<div class="field"><label for="remit_quota">{{_ Remittance quota in USD (REM-02; empty: none)}}</label>
	<input type="text" id="remit_quota" name="remit_quota" value="{{REMIT}}" inputmode="decimal"></div>
	<button type="submit" id="limits-button">{{_ Save agreements}}</button>
	</fieldset>
</form>
{{>CREDIT}}
<h2>{{_ Members}}</h2>
<ul>{{#MEMBER}}<li>{{NAME}} &lt;{{EMAIL}}&gt;</li>{{/MEMBER}}</ul>
<h2>{{_ Qualification submissions}}</h2>
<p><a href="/admin/companies/{{ID}}/qualification" id="review-link">{{_ Review the latest submission}}</a></p>
<ul>{{#QUAL}}<li>#{{ID}} {{STATUS}} · {{AT}}</li>{{/QUAL}}</ul>
