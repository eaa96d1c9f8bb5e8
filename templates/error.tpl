{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<h1 id="error-heading">{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p class="muted">{{_ Error {STATUS}}}</p>
<p><a class="button" href="/catalog">{{_ Go to the home page}}</a></p>
</section>
