// Browser test of Pay After Use (RULES PAU-01..05): a demo shopper
// (score above 550) binds a test card on the Pay After Use page, orders the
// PAU-marked earbuds for 0 (PAU-03), an admin marks the order shipped and
// delivered on the shipping desk, the shopper confirms receipt on "My Orders" and the price is
// deducted from the bound card; headless Debian chromium (playwright-core).
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots:
// $MALLPAY_SCREENSHOT_DIR/pau_checkout.png, pau_order.png, pau_account.png
// (default ./). Exit status 0 only when every check passed and no console
// error was logged.
import { base, check, launch, payAtBank, screenshot, signIn, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_PAU_EMAIL || 'shopper.new@demo.test';
const admin = process.env.MALLPAY_E2E_ADMIN_EMAIL || 'admin@demo.test';
const product = 'Pulse Wireless Earbuds';

let passed = 0;
let failed = 0;

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    watch(page, errors);
    await signIn(page, email);

    // The payment method: bind the Visa test card (only brand + last four kept).
    // The card is typed on the bank's hosted page (its own origin).
    await page.goto(`${base}/pay-after-use`);
    await page.locator('#pau-card-to-bank').click();
    await payAtBank(page, '4111 1111 1111 1111');
    await page.waitForURL(/\/pay-after-use\?msg=bound/);
    check((await page.locator('#pau-bound-card').innerText()).includes('Visa ending 1111'),
      'the bound card shows as "Visa ending 1111"');
    check(!(await page.content()).includes('4111111111111111'), 'the card number is not shown');

    // An empty cart, then the earbuds, which carry the "Pay After Use" mark.
    await page.goto(`${base}/cart`);
    for (let i = 0; i < 50; i++) {
      const remove = page.locator('form[action="/cart/remove"] button').first();
      if (await remove.count() === 0) break;
      await Promise.all([page.waitForURL(/\/cart/), remove.click()]);
    }
    await page.goto(`${base}/catalog`);
    const card = page.locator(`li.product:has(h3:text-is("${product}"))`);
    check(await card.count() === 1, `the catalog lists ${product}`);
    check((await card.innerText()).includes('Pay After Use'), 'the catalog shows the Pay After Use mark');
    await Promise.all([
      page.waitForURL(/\/cart\?msg=added/),
      card.getByRole('button', { name: 'Add to cart' }).click(),
    ]);
    await page.goto(`${base}/checkout?country=MY`);
    const pau = page.locator('#method-pay_after_use');
    check(await pau.count() === 1, 'checkout lists Pay After Use');
    check(await pau.locator('li[data-rule]').count() === 0, 'Pay After Use is not refused (PAU-01, PAU-02)');
    check(await page.locator('.badge-payafter').count() >= 1, 'checkout shows the Pay After Use mark');
    await page.getByLabel('Pay with Pay After Use').check();
    const shot1 = await screenshot(page, 'pau_checkout.png');
    await Promise.all([
      page.waitForURL(/\/orders\/\d+/),
      page.getByRole('button', { name: 'Place order' }).click(),
    ]);
    const id = /\/orders\/(\d+)/.exec(page.url())[1];
    check((await page.locator('#amount-due').innerText()).trim() === 'USD 0.00',
      'PAU-03: the order is placed for 0');
    check((await page.locator('#deferred').innerText()).trim() === 'USD 129.00',
      'PAU-03: USD 129.00 is charged at receipt');
    passed++;

    // The admin marks it shipped, then delivered, on the shared shipping desk.
    const actx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const apage = await actx.newPage();
    watch(apage, errors);
    await signIn(apage, admin);
    await apage.goto(`${base}/admin/orders/${id}/fulfil`);
    await Promise.all([
      apage.waitForURL(new RegExp(`/admin/orders/${id}/fulfil`)),
      apage.getByRole('button', { name: 'Mark shipped' }).click(),
    ]);
    await Promise.all([
      apage.waitForURL(new RegExp(`/admin/orders/${id}/fulfil`)),
      apage.getByRole('button', { name: 'Mark delivered' }).click(),
    ]);
    check(await apage.locator('#mark-delivered').count() === 0, 'the order is delivered');

    // The shopper confirms receipt from "My Orders".
    await page.goto(`${base}/orders`);
    const row = page.locator(`tr.order-row[data-order-id="${id}"]`);
    check(await row.count() === 1, `My Orders lists order #${id}`);
    check((await row.locator('a.next-action').innerText()).trim() === 'Confirm receipt',
      'the next action is "Confirm receipt"');
    await Promise.all([
      page.waitForURL(new RegExp(`/orders/${id}`)),
      row.locator('a.next-action').click(),
    ]);
    check(await page.locator('#pau-return').count() === 1, 'PAU-05: a return without charge is offered');
    await Promise.all([
      page.waitForURL(/msg=received/),
      page.getByRole('button', { name: 'Confirm receipt' }).click(),
    ]);
    check((await page.locator('#order-status').innerText()).trim() === 'Receipt confirmed',
      'the order is "Receipt confirmed"');
    const timeline = await page.locator('#timeline').innerText();
    check(timeline.includes('Receipt confirmed'), 'the timeline has the confirmation');
    const shot2 = await screenshot(page, 'pau_order.png');

    // The charge: USD 129.00 deducted from the bound card.
    await page.goto(`${base}/pay-after-use`);
    const charge = page.locator(`#pau-charge-${id}`);
    check(await charge.getAttribute('data-status') === 'paid', 'PAU-03: the charge is paid');
    check((await charge.innerText()).includes('USD 129.00'), 'USD 129.00 was deducted');
    const shot3 = await screenshot(page, 'pau_account.png');
    passed++;

    // The admin's guarantee ledger answers (entries only for failed charges).
    const g = await apage.goto(`${base}/admin/guarantee`);
    check(g && g.status() === 200, 'GET /admin/guarantee answers 200');
    check(await apage.locator('#pau-usd-outstanding').count() === 1, 'the ledger shows its totals');
    passed++;

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
    console.log(`payafter: order #${id} placed for 0 and charged USD 129.00 at receipt; screenshots ${shot1} ${shot2} ${shot3}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  failed++;
  console.error(`payafter: ${err.stack || err}`);
}
console.log(`payafter: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
