{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harbor Bank · Secure card payment</title>
<link rel="stylesheet" href="/static/bank.css">
</head>
<body>
<header class="bank-header">
<span class="bank-logo" aria-hidden="true">H</span>
<span class="bank-name">Harbor Bank</span>
<span class="bank-secure">Secure payment page · sandbox</span>
</header>
<main class="bank-main" id="main">
<section class="bank-merchant" aria-label="Payment details">
<p class="bank-to">Card for <strong>mallpay</strong></p>
<p class="bank-order" id="bank-order">{{ORDER}}</p>
<p class="bank-amount" id="bank-amount">{{AMOUNT}}</p>
</section>
