// Browser test: a demo shopper fills the cart, checks out (destination,
// every method with its reasons, the COD fee line), places a remittance
// order and finds it in "My Orders" with its timeline and next step, in
// headless Debian chromium (playwright-core).
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots:
// $MALLPAY_SCREENSHOT_DIR/checkout.png and order.png (default ./). Exit
// status 0 only when every check passed and no console error was logged.
import { base, check, emptyCart, launch, screenshot, signIn, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_CHECKOUT_EMAIL || 'shopper.veteran@demo.test';
const product = 'Cyclone R5 Robot Vacuum';

async function run() {
  const browser = await launch();
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    watch(page, consoleErrors);
    await signIn(page, email, { landing: /\/catalog/ });

    // An empty cart, then one robot vacuum (USD 459.00).
    await emptyCart(page);
    await page.goto(`${base}/catalog`);
    const card = page.locator(`li.product:has(h3:text-is("${product}"))`);
    check(await card.count() === 1, `the catalog lists ${product}`);
    await Promise.all([
      page.waitForURL(/\/cart\?msg=added/),
      card.getByRole('button', { name: 'Add to cart' }).click(),
    ]);

    // Checkout: choose the destination, the page recomputes (a plain GET form).
    await Promise.all([
      page.waitForURL(/\/checkout/),
      page.getByRole('link', { name: 'Go to checkout' }).click(),
    ]);
    await page.getByLabel('Destination country').selectOption('MY');
    await Promise.all([
      page.waitForURL(/country=MY/),
      page.getByRole('button', { name: 'Update the amount' }).click(),
    ]);
    const amount = (await page.locator('#amount-to-pay').innerText()).trim();
    check(amount.startsWith('USD 459.00'), `amount to pay USD 459.00 (page: ${amount})`);
    check(await page.locator('#destination:has-text("COD Supported")').count() === 1,
      'the region carries the "COD Supported" label');
    // C-06: every method listed, the refused ones with their rule and figures.
    const summit = page.locator('#method-installment_card-summit-bank');
    check((await summit.innerText()).includes('INST-05: the amount to pay, USD 459.00'),
      'Summit Bank is refused with INST-05 and its figures');
    check(await summit.locator('input[type=radio]').count() === 0, 'a refused method has no radio');
    check((await page.locator('#cod-fee').innerText()).includes('USD 18.36'),
      'the COD service fee is its own line (COD-F1)');
    check(await page.locator('#method-pay_after_use li[data-rule="PAU-02"]').count() === 1,
      'Pay After Use is refused with PAU-02');
    check(await page.locator('#method-installment_card-harbor-bank tr.plan').count() >= 3,
      'Harbor Bank (low threshold) offers its plans with their APR');

    await page.getByLabel('Pay with Post office remittance').check();
    const shot1 = await screenshot(page, 'checkout.png');

    await Promise.all([
      page.waitForURL(/\/orders\/\d+/),
      page.getByRole('button', { name: 'Place order' }).click(),
    ]);
    const id = /\/orders\/(\d+)/.exec(page.url())[1];
    check((await page.locator('#order-status').innerText()).trim() === 'Awaiting remittance',
      'the order starts awaiting the remittance');
    check(await page.locator('#rf-code').count() === 1, 'the order has its remittance code (REM-P1)');

    // "My Orders": the order on top with its next step; open it.
    await page.getByRole('link', { name: 'My Orders', exact: true }).click();
    await page.waitForURL(/\/orders$/);
    const row = page.locator(`tr.order-row[data-order-id="${id}"]`);
    check(await row.count() === 1, `My Orders lists order #${id}`);
    check((await row.locator('a.next-action').innerText()).trim() === 'Upload Remittance Voucher',
      'the next action is "Upload Remittance Voucher"');
    check(await page.locator('tr.order-row').first().getAttribute('data-order-id') === id,
      'newest first');
    await Promise.all([
      page.waitForURL(new RegExp(`/orders/${id}$`)),
      row.getByRole('link', { name: `#${id}` }).click(),
    ]);
    check(await page.locator('#timeline li').count() >= 1, 'the order page shows its timeline');
    check(await page.locator('#payment-due').count() === 1, 'the payment window is shown (C-04)');
    const shot2 = await screenshot(page, 'order.png');

    check(consoleErrors.length === 0, `no console errors, got: ${consoleErrors.join(' | ')}`);
    console.log(`checkout_order: order #${id} of ${amount}; screenshots ${shot1} ${shot2}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
  console.log('checkout_order: 1 passed, 0 failed');
  process.exit(0);
} catch (err) {
  console.error(`checkout_order: ${err.stack || err}`);
  console.log('checkout_order: 0 passed, 1 failed');
  process.exit(1);
}
