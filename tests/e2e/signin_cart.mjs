// Browser test: a demo shopper signs in, fills the cart with two products and
// sees them with the right total, in headless Debian chromium (playwright-core).
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshot:
// $MALLPAY_SCREENSHOT_DIR/signin_cart.png (default ./). Exit status 0 only when
// every check passed and the pages logged no console error (CSP violations
// show up there).
import { base, check, emptyCart, launch, screenshot, signIn, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_EMAIL || 'shopper.new@demo.test';

// "1899.00" -> 189900 (integer minor units; no floating point near money).
function toMinor(plain) {
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(plain);
  check(m, `a plain price, got ${plain}`);
  return BigInt(m[1]) * 100n + BigInt(((m[2] || '') + '00').slice(0, 2));
}

// 190100n, 'USD' -> "USD 1,901.00", as core/money's money_display writes it.
function display(minor, cur) {
  const units = (minor / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (minor % 100n).toString().padStart(2, '0');
  return `${cur} ${units}.${cents}`;
}

async function run() {
  const browser = await launch();
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    // Every asset must come from this site and load.
    watch(page, consoleErrors, { aborted: true });

    // Sign in through the form, as a person would.
    await signIn(page, email, { landing: /\/catalog/ });
    check(await page.locator('form[action="/signout"]').count() === 1,
      'signed in: the sign-out button is there');

    // Start from an empty cart (an earlier run may have left items).
    await emptyCart(page);
    check(await page.getByText('Your cart is empty').count() === 1, 'the cart starts empty');

    // Two products in USD, so the cart has one total to check.
    await page.goto(`${base}/catalog`);
    const cards = page.locator('li.product:has(.price[data-currency="USD"]):has(form[action="/cart/add"])');
    check(await cards.count() >= 2, 'the catalog lists two USD products with an add form');
    const picked = [];
    for (let i = 0; i < 2; i++) {
      const card = cards.nth(i);
      picked.push({
        id: await card.getAttribute('data-product-id'),
        name: (await card.locator('h3').innerText()).trim(),
        price: toMinor(await card.locator('.price').getAttribute('data-price')),
        qty: i + 1,
      });
    }
    for (const p of picked) {
      await page.goto(`${base}/catalog`);
      const card = page.locator(`li.product[data-product-id="${p.id}"]`);
      await card.getByLabel('Quantity').fill(String(p.qty));
      await Promise.all([
        page.waitForURL(/\/cart\?msg=added/),
        card.getByRole('button', { name: 'Add to cart' }).click(),
      ]);
      check(await page.getByText('Added to your cart.').count() === 1, `added ${p.name}`);
    }

    // The cart shows both lines, their quantities and the total.
    await page.goto(`${base}/cart`);
    let expected = 0n;
    for (const p of picked) {
      const row = page.locator(`tr.cart-item[data-product-id="${p.id}"]`);
      check(await row.count() === 1, `the cart shows ${p.name}`);
      check(await row.getAttribute('data-qty') === String(p.qty), `${p.name} has quantity ${p.qty}`);
      check((await row.locator('.line-total').innerText()).trim() === display(p.price * BigInt(p.qty), 'USD'),
        `line total of ${p.name}`);
      expected += p.price * BigInt(p.qty);
    }
    const total = (await page.locator('#total-USD').innerText()).trim();
    check(total === display(expected, 'USD'), `the total is ${display(expected, 'USD')} (page: ${total})`);

    const shot = await screenshot(page, 'signin_cart.png');

    check(consoleErrors.length === 0, `no console errors, got: ${consoleErrors.join(' | ')}`);
    console.log(`signin_cart: ${picked.map((p) => `${p.qty} x ${p.name}`).join(', ')}; total ${total}; screenshot ${shot}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
  console.log('signin_cart: 1 passed, 0 failed');
  process.exit(0);
} catch (err) {
  console.error(`signin_cart: ${err.stack || err}`);
  console.log('signin_cart: 0 passed, 1 failed');
  process.exit(1);
}
