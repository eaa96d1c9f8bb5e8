{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>Verify it's you</h1>
<p>Your card's issuer in {{COUNTRY}} asks for a one-time code before it approves your {{BRAND}} card ending {{LAST4}}: European cards need this check (3-D Secure).</p>
<p class="bank-sandbox" id="bank-code-note">Sandbox: the issuer would send the code to your phone. Your code is <strong id="bank-code">{{CODE}}</strong>.</p>
<form method="post" action="/pay/{{SID}}/challenge" id="bank-challenge-form" autocomplete="off">
<p><label for="code">One-time code</label>
<input type="text" id="code" name="code" inputmode="numeric" maxlength="6" required></p>
<button type="submit" id="bank-verify">Verify</button>
</form>
<form method="post" action="/pay/{{SID}}/cancel" class="bank-cancel">
<button type="submit" id="bank-cancel" class="bank-link">Cancel and go back to mallpay</button>
</form>
</main>
</body>
</html>
