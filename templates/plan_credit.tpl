{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Your platform credit line}}</h1>
{{#NONE}}<p id="credit-none">{{_ You have no credit line on this mall yet.}}</p>{{/NONE}}
<dl class="amounts" id="credit-line">
	<dt>{{_ Credit limit}}</dt><dd id="credit-limit">{{LIMIT}}</dd>
	<dt>{{_ In use (reserved by orders, not yet repaid)}}</dt><dd id="credit-used">{{USED}}</dd>
	<dt>{{_ Available}}</dt><dd id="credit-available">{{AVAILABLE}}</dd>
</dl>
<p>{{_ The credit line is usable only on this mall (INST-CL). When you confirm receipt of an order paid with it, the lender pays the merchant the whole price at once and you repay the lender in installments; the schedule is on the order page.}}</p>
<p><a href="/orders">{{_ My Orders}}</a></p>
