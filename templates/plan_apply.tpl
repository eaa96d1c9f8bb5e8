{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Apply for an installment plan: order #{ID}}}</h1>
<p>{{_ Amount:}} <strong>{{AMOUNT}}</strong> {{_ over {TERM} months with our finance partner {INSTITUTION} (INST-PC). No card is needed.}}</p>
<form method="post" action="/orders/{{ID}}/apply" id="apply-form">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<p>{{_ By continuing you authorize the platform to evaluate your credit and share the result with {INSTITUTION}. The answer usually comes within 1-3 minutes; the order page updates itself.}}</p>
	<button type="submit">{{_ Authorize the credit evaluation}}</button>
</form>
<p><a href="/orders/{{ID}}">{{_ Back to the order}}</a></p>
