{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · mallpay</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">{{_ Skip to content}}</a>
<header class="site-header">
<nav class="site-nav" aria-label="{{_ Main}}">
<a class="brand" href="/catalog">mallpay</a>
<ul class="nav-links">
<li><a href="/catalog"{{#NAV_CATALOG}} aria-current="page"{{/NAV_CATALOG}}>{{_ Catalog}}</a></li>
<li><a href="/cart"{{#NAV_CART}} aria-current="page"{{/NAV_CART}}>{{_ Cart}}</a></li>
<li><a href="/orders"{{#NAV_ORDERS}} aria-current="page"{{/NAV_ORDERS}}>{{_ My Orders}}</a></li>
{{#SHOPPER}}<li><a href="/messages" id="nav-messages"{{#NAV_MESSAGES}} aria-current="page"{{/NAV_MESSAGES}}>{{_ Messages}}{{#UNREAD}} <span class="badge badge-unread" id="unread-count" aria-label="{{_ {COUNT} unread}}">{{COUNT}}</span>{{/UNREAD}}</a></li>{{/SHOPPER}}
{{#CONSUMER}}<li><a href="/pay-after-use" id="nav-pau">{{_ Pay After Use}}</a></li>{{/CONSUMER}}
{{#SHOPPER}}<li><a href="/account/cod" id="nav-cod">{{_ Cash on delivery}}</a></li>{{/SHOPPER}}
{{#CONSUMER}}<li><a href="/account/credit" id="nav-credit">{{_ Credit line}}</a></li>{{/CONSUMER}}
{{#SHOPPER}}<li><a href="/account/identity" id="nav-identity">{{_ Identity and credit}}</a></li>{{/SHOPPER}}
{{#SHOPPER}}<li><a href="/account/addresses" id="nav-addresses">{{_ Addresses}}</a></li>{{/SHOPPER}}
{{#IS_COMPANY}}<li><a href="/company" id="nav-company">{{_ Company}}</a></li>{{/IS_COMPANY}}
{{#IS_ADMIN}}<li><a href="/admin">{{_ Admin}}</a></li>{{/IS_ADMIN}}
</ul>
{{#SIGNED_IN}}
<form class="nav-account" method="post" action="/signout">
<span class="nav-user">{{USER_NAME}}</span>
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link-button">{{_ Sign out}}</button>
</form>
{{/SIGNED_IN}}
{{#ANON}}
<ul class="nav-account">
<li><a href="/signin">{{_ Sign in}}</a></li>
<li><a href="/register">{{_ Register}}</a></li>
</ul>
{{/ANON}}
</nav>
<form class="lang-switch" id="lang-switch" method="post" action="/language">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{LANG_NEXT}}">
{{#SIGNED_IN}}<a class="lang-switch-label" id="lang-switch-label" href="/account/language">{{_ Language}}</a>{{/SIGNED_IN}}{{#ANON}}<span class="lang-switch-label" id="lang-switch-label">{{_ Language}}</span>{{/ANON}}
<ul class="lang-list" aria-labelledby="lang-switch-label">
{{#LANGS}}<li><button type="submit" class="link-button" name="lang" value="{{TAG}}" lang="{{TAG}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</button></li>{{/LANGS}}
</ul>
</form>
</header>
<main id="main" class="site-main">
{{>BODY}}
</main>
<footer class="site-footer">
<p>{{_ mallpay · pay your way}}</p>
</footer>
</body>
</html>
