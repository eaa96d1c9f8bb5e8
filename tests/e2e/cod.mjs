// Browser test of cash on delivery, in headless Debian chromium
// (playwright-core): a new shopper places a COD order at checkout, the admin
// approves it in the COD review queue (COD-P1), the logistics company (this
// test, signing with `mallpayctl partner-sign`) reports shipped, the agreed
// delivery day, delivered (COD-P2/P8); the shopper sees the tracking and
// clicks "Paid" with the courier's record id; the partner's payment report
// completes the order (COD-P3). A second order is refused at the door
// without a valid reason: a counted refusal with its debt (COD-F2).
// Env: MALLPAY_TEST_URL, MALLPAY_CTL, MALLPAY_CONF, MALLPAY_SCREENSHOT_DIR.
// Last line: "cod: N passed, N failed".
import { base, check, launch, register, screenshot, shotDir, signIn, watch } from './lib.mjs';
import { addAddress, approve, partnerEvent, placeCod } from './cod_lib.mjs';

const ctl = process.env.MALLPAY_CTL;
const conf = process.env.MALLPAY_CONF;
const password = 'mallpay-demo-cod-e2e';

async function run() {
  const browser = await launch();
  const errors = [];
  let passed = 0;
  try {
    check(ctl && conf, 'MALLPAY_CTL and MALLPAY_CONF are set');
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    watch(page, errors, { console: false, requests: false });
    const actx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const admin = await actx.newPage();
    await signIn(admin, 'admin@demo.test');

    // A new shopper.
    const email = `cod-e2e-${process.pid}-${Date.now()}@test.invalid`;
    await register(page, email, 'Cody Courier', password);
    // Checkout needs a delivery address: the new shopper adds one.
    await addAddress(page, 'Cody Courier');

    // 1. From checkout to "Completed".
    const id = await placeCod(page);
    await approve(admin, id);
    await partnerEvent('shipped', id, { carrier: 'Demo Express', tracking: `DX${String(id).padStart(10, '0')}` });
    const day = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 10);
    await partnerEvent('delivery_scheduled', id, { date: day });
    await partnerEvent('delivered', id);
    await page.goto(`${base}/orders/${id}`);
    check((await page.locator('#order-status').innerText()).trim() === 'Delivered', 'the order is delivered');
    check((await page.locator('#tracking-number').innerText()).startsWith('DX'), 'My Orders shows the tracking number (COD-P2)');
    check(await page.locator('#tracking li').count() >= 3, 'the tracking events are listed');
    check((await page.locator('#cod-agreed').innerText()).includes(day), 'the agreed delivery day is shown');
    await page.getByLabel('or the courier\'s payment record number').fill(`PR-E2E-${id}`);
    await Promise.all([page.waitForURL(/cod_done=paid/), page.locator('#cod-paid').click()]);
    check(await page.locator('#cod-shopper-paid').count() === 1, 'the shopper\'s "Paid" is recorded');
    await partnerEvent('paid', id, { amount: '477.36', currency: 'USD', method: 'cash', record_id: `PR-E2E-${id}` });
    await page.goto(`${base}/orders/${id}`);
    check((await page.locator('#order-status').innerText()).trim() === 'Completed',
      'the partner\'s payment report completes the order (COD-P3)');
    check((await page.locator('#cod-record-id').innerText()).trim() === `PR-E2E-${id}`, 'the courier record is shown');
    await screenshot(page, 'cod-completed.png');
    await page.goto(`${base}/account/cod`);
    check((await page.locator('#cod-completed').innerText()).trim() === '1', 'one completed COD order counts (COD-07)');
    passed++;

    // 2. A counted refusal (COD-F2).
    const id2 = await placeCod(page);
    await approve(admin, id2);
    await partnerEvent('shipped', id2, { carrier: 'Demo Express', tracking: 'DX0000000002' });
    await partnerEvent('refused', id2, { reason: 'no_valid_reason', round_trip_shipping: '12.50' });
    await page.goto(`${base}/orders/${id2}`);
    check((await page.locator('#order-status').innerText()).trim() === 'Refused', 'the order is refused');
    check((await page.locator('#timeline').innerText()).includes('COD-F2'), 'the timeline names COD-F2');
    await screenshot(page, 'cod-refused.png');
    await page.goto(`${base}/account/cod`);
    check((await page.locator('#cod-strikes').innerText()).trim() === '1', 'the refusal is a strike');
    check((await page.locator('#cod-debts').innerText()).includes('USD 30.86'),
      'round-trip shipping and the service fee are owed (USD 12.50 + USD 18.36)');
    await screenshot(page, 'cod-account.png');
    passed++;
    check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
    console.log(`cod: order #${id} completed, #${id2} refused; screenshots in ${shotDir}`);
  } finally {
    await browser.close();
  }
  return passed;
}

try {
  await run();
  console.log('cod: 2 passed, 0 failed');
  process.exit(0);
} catch (err) {
  console.error(`cod: ${err.stack || err}`);
  console.log('cod: 0 passed, 2 failed');
  process.exit(1);
}
