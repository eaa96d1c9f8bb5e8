{{%AUTOESCAPE context="HTML"}}
<p class="admin-crumbs"><a href="/admin">{{_ Admin}}</a> &rsaquo; <a href="/admin/settings">{{_ Settings}}</a> &rsaquo; {{TITLE}}</p>
<h1>{{TITLE}}</h1>
<p class="muted">{{HELP}}</p>
{{#NOTICE}}<p class="flash" role="status" id="settings-notice">{{MSG}}</p>{{/NOTICE}}
{{#ERROR}}<p class="error-summary" role="alert" id="settings-error">{{MSG}}</p>{{/ERROR}}
{{#ROW}}
<form class="admin-setting{{#BAD}} has-error{{/BAD}}" method="post" action="/admin/settings/{{SLUG}}" id="{{FORM_ID}}">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	{{#KEY_IN}}<input type="hidden" name="key" value="{{KEY}}">{{/KEY_IN}}
	{{#SECTION_IN}}<input type="hidden" name="section" value="{{SECTION}}">{{/SECTION_IN}}
	<h2 class="admin-setting-title">{{LABEL}}</h2>
	{{#HELP_S}}<p class="hint">{{TEXT}}</p>{{/HELP_S}}
	<div class="admin-setting-fields">
	{{#FIELD}}<div class="field">
		{{#LOCKED}}<label>{{LABEL}}</label><p class="locked" id="{{FID}}-locked">{{WORDS}} <span class="hint">{{_ (fixed: plans were made under it)}}</span></p><input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/LOCKED}}
		{{#CHECK}}<label><input type="checkbox" id="{{FID}}" name="{{NAME}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/CHECK}}
		{{#CHOICE}}<label for="{{FID}}">{{LABEL}}</label><select id="{{FID}}" name="{{NAME}}">{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{WORDS}}</option>{{/OPTION}}</select>{{/CHOICE}}
		{{#INPUT}}<label for="{{FID}}">{{LABEL}}</label><input type="text" id="{{FID}}" name="{{NAME}}" value="{{VALUE}}"{{#INVALID}} aria-invalid="true" aria-describedby="{{FID}}-err"{{/INVALID}}>{{/INPUT}}
		{{#ERR}}<p class="field-error" id="{{FID}}-err">{{MSG}}</p>{{/ERR}}
	</div>{{/FIELD}}
	</div>
	<button type="submit" class="secondary">{{_ Save}}</button>
</form>
{{/ROW}}
