{{%AUTOESCAPE context="HTML"}}
<h1>Your recovery codes</h1>
<p class="flash" role="status">Your authenticator app is set up.</p>
<p>If you lose your phone, sign in with one of these codes instead of the app's code. Each works once. Write them down or print them now and keep them somewhere safe: <strong>they are shown only this once.</strong></p>
<ol class="recovery-codes" id="recovery-codes">
{{#CODE}}	<li><code>{{CODE}}</code></li>
{{/CODE}}</ol>
<p><a class="button" href="{{NEXT}}">I have saved them, continue</a></p>
