{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harbor Bank</title>
<link rel="stylesheet" href="/static/bank.css">
</head>
<body>
<header class="bank-header"><span class="bank-logo" aria-hidden="true">H</span><span class="bank-name">Harbor Bank</span></header>
<main class="bank-main" id="main">
<h1>This payment page is closed</h1>
<p id="bank-gone">The payment was finished or never existed. Go back to the shop to see its result.</p>
</main>
</body>
</html>
