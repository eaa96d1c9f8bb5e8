{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · mallpay</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<nav class="site-nav" aria-label="Main">
<a class="brand" href="/catalog">mallpay</a>
<ul class="nav-links">
<li><a href="/catalog"{{#NAV_CATALOG}} aria-current="page"{{/NAV_CATALOG}}>Catalog</a></li>
<li><a href="/cart"{{#NAV_CART}} aria-current="page"{{/NAV_CART}}>Cart</a></li>
<li><a href="/orders"{{#NAV_ORDERS}} aria-current="page"{{/NAV_ORDERS}}>My Orders</a></li>
{{#SHOPPER}}<li><a href="/messages" id="nav-messages"{{#NAV_MESSAGES}} aria-current="page"{{/NAV_MESSAGES}}>Messages{{#UNREAD}} <span class="badge badge-unread" id="unread-count" aria-label="{{COUNT}} unread">{{COUNT}}</span>{{/UNREAD}}</a></li>{{/SHOPPER}}
{{#CONSUMER}}<li><a href="/pay-after-use" id="nav-pau">Pay After Use</a></li>{{/CONSUMER}}
{{#SHOPPER}}<li><a href="/account/cod" id="nav-cod">Cash on delivery</a></li>{{/SHOPPER}}
{{#CONSUMER}}<li><a href="/account/credit" id="nav-credit">Credit line</a></li>{{/CONSUMER}}
{{#SHOPPER}}<li><a href="/account/identity" id="nav-identity">Identity and credit</a></li>{{/SHOPPER}}
{{#SHOPPER}}<li><a href="/account/addresses" id="nav-addresses">Addresses</a></li>{{/SHOPPER}}
{{#IS_COMPANY}}<li><a href="/company" id="nav-company">Company</a></li>{{/IS_COMPANY}}
{{#IS_ADMIN}}<li><a href="/admin">Admin</a></li>{{/IS_ADMIN}}
</ul>
{{#SIGNED_IN}}
<form class="nav-account" method="post" action="/signout">
<span class="nav-user">{{USER_NAME}}</span>
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link-button">Sign out</button>
</form>
{{/SIGNED_IN}}
{{#ANON}}
<ul class="nav-account">
<li><a href="/signin">Sign in</a></li>
<li><a href="/register">Register</a></li>
</ul>
{{/ANON}}
</nav>
</header>
<main id="main" class="site-main">
{{>BODY}}
</main>
<footer class="site-footer">
<p>mallpay · pay your way</p>
</footer>
</body>
</html>
