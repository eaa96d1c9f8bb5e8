{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="lang-heading">
<h1 id="lang-heading">{{_ Language}}</h1>
<p>{{_ Pages, messages and text messages (SMS) are written to you in this language.}}</p>
<form method="post" action="/language" id="account-language">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="/account/language">
<fieldset>
<legend>{{_ Your language}}</legend>
<p><label><input type="radio" name="lang" value="auto"{{#AUTO_CHECKED}} checked{{/AUTO_CHECKED}}> {{_ As my browser asks}}</label></p>
{{#LANGS}}<p><label lang="{{TAG}}"><input type="radio" name="lang" value="{{TAG}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label></p>
{{/LANGS}}
</fieldset>
<p><button type="submit" class="button">{{_ Save}}</button></p>
</form>
</section>
