{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>Card details</h1>
{{#ERROR}}<p class="bank-error" role="alert" id="bank-error">{{MSG}}</p>{{/ERROR}}
<form method="post" action="/pay/{{SID}}" id="bank-card-form" autocomplete="on">
<p><label for="card_number">Card number</label>
<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" maxlength="23" required></p>
<div class="bank-row">
<p><label for="expiry">Expiry (MM/YY)</label>
<input type="text" id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7" required></p>
<p><label for="cvv">Security code</label>
<input type="password" id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required></p>
</div>
<button type="submit" id="bank-pay">Continue</button>
</form>
<form method="post" action="/pay/{{SID}}/cancel" class="bank-cancel">
<button type="submit" id="bank-cancel" class="bank-link">Cancel and go back to mallpay</button>
</form>
<p class="bank-note">Your card details go to Harbor Bank only. mallpay never sees the card number or the security code.</p>
</main>
</body>
</html>
