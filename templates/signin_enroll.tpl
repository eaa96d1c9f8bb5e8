{{%AUTOESCAPE context="HTML"}}
<h1>Set up your sign-in code</h1>
<p>Admins sign in with their password and a code from an authenticator app on their phone (for example Google Authenticator, Microsoft Authenticator, FreeOTP or 1Password). This is done once, for {{EMAIL}}.</p>
{{#FORM_ERROR}}<p class="error-summary" role="alert" id="code-error">{{MSG}}</p>{{/FORM_ERROR}}
<ol class="stack enroll-steps">
	<li>
		<p>Scan this code with the app:</p>
		<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{QR_SIZE}} {{QR_SIZE}}" width="232" height="232" role="img" aria-label="QR code for your authenticator app" shape-rendering="crispEdges"><rect width="{{QR_SIZE}}" height="{{QR_SIZE}}" fill="#fff"/><path d="{{QR_PATH}}" fill="#000"/></svg>
	</li>
	<li>
		<p>Or type this key into the app (time-based, 6 digits):</p>
		<p><code class="secret" id="totp-secret">{{SECRET}}</code></p>
	</li>
	<li>
		<form class="stack" method="post" action="/signin/enroll" novalidate>
			<input type="hidden" name="csrf" value="{{CSRF}}">
			{{#NEXT_FIELD}}<input type="hidden" name="next" value="{{NEXT}}">{{/NEXT_FIELD}}
			<div class="field">
				<label for="code">Enter the code the app shows now</label>
				<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="32"{{#CODE_ERR}} aria-invalid="true" aria-describedby="code-err"{{/CODE_ERR}}>
				{{#CODE_ERR}}<p class="field-error" id="code-err">{{MSG}}</p>{{/CODE_ERR}}
			</div>
			<button type="submit">Confirm and continue</button>
		</form>
	</li>
</ol>
<form method="post" action="/signout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Cancel and sign out</button></form>
