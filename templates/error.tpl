{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<h1 id="error-heading">{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p class="muted">Error {{STATUS}}</p>
<p><a class="button" href="/catalog">Go to the home page</a></p>
</section>
