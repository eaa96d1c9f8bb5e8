// Browser test of the admin console: the demo admin signs in,
// sees the dashboard with every review queue and its figures, follows a
// queue to the orders browser, opens the settings and is refused a 2% COD
// fee with the allowed range, and the audit trail shows the sign-in.
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshot:
// $MALLPAY_SCREENSHOT_DIR/admin.png (default ./). Last line:
// "admin_dashboard: N passed, N failed"; exit status 0 only when all passed
// and the pages logged no console error.
import { base, demoPassword, enterCode, launch, screenshot, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_ADMIN_EMAIL || 'admin@demo.test';
const password = process.env.MALLPAY_E2E_ADMIN_PASSWORD || demoPassword;

let passed = 0;
let failed = 0;
function check(cond, what) {
  if (cond) {
    passed++;
  } else {
    failed++;
    console.error(`admin_dashboard: FAILED: ${what}`);
  }
}

async function run() {
  const browser = await launch();
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    // The deliberate refusal below answers 422, which Chromium logs.
    watch(page, consoleErrors, { ignore: /status of 422/ });

    // An anonymous visitor is sent to sign in, and comes back to /admin.
    let resp = await page.goto(`${base}/admin`);
    check(resp && /\/signin/.test(page.url()), 'anonymous /admin leads to the sign-in page');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([
      page.waitForURL(/\/signin\/code/),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await enterCode(page, { landing: /\/admin$/ });
    check(await page.locator('h1', { hasText: 'Admin' }).count() === 1, 'the dashboard is shown after sign-in');
    check(await page.locator('nav a[href="/admin"]').count() === 1, 'the nav has the Admin link');

    // Every queue with its count, oldest age and overdue figure.
    const queues = page.locator('li.admin-queue');
    const nq = await queues.count();
    check(nq >= 4, `at least 4 queues on the dashboard (got ${nq})`);
    for (const id of ['cod_review', 'installment_review', 'remittance_verify', 'refund_due']) {
      const q = page.locator(`#queue-${id}`);
      check(await q.count() === 1, `queue ${id} is listed`);
      check(await q.locator('dd.count').count() === 1, `queue ${id} shows its count`);
      check(await q.locator('dd.overdue').count() === 1, `queue ${id} shows its overdue figure`);
    }

    const shot = await screenshot(page, 'admin.png');

    // A queue link opens its queue page (COD, its own page built
    // with the shared queue helper).
    await Promise.all([
      page.waitForURL(/\/admin\/queues\/cod/),
      page.locator('#queue-cod_review a.admin-queue-title').click(),
    ]);
    check((await page.locator('h1').innerText()).includes('COD orders to review'),
      'the COD queue link opens the COD review queue');
    check(await page.locator('#queue-total').count() === 1, 'the queue page shows its total');

    // All orders: open one and see its history.
    await page.goto(`${base}/admin/orders`);
    const first = page.locator('tr.queue-row a').first();
    if (await first.count() > 0) {
      await Promise.all([page.waitForURL(/\/admin\/orders\/\d+$/), first.click()]);
      check(await page.locator('#order-history').count() === 1, 'an order shows its history');
    }

    // Settings: a 2% COD fee is refused with the allowed range next to it.
    await page.goto(`${base}/admin/settings/regions`);
    const row = page.locator('form.admin-setting').filter({ has: page.locator('select, input[name="v1"]') }).first();
    const key = await row.locator('input[name="key"]').getAttribute('value');
    await row.locator('input[name="v1"]').fill('2');
    await Promise.all([
      page.waitForLoadState('load'),
      row.getByRole('button', { name: 'Save' }).click(),
    ]);
    const err = page.locator(`#${key}-v1-err`);
    check(await err.count() === 1, 'the refused fee has its error next to the field');
    const text = await err.count() ? await err.innerText() : '';
    check(/between 3% and 5%/.test(text), `the error gives the range 3%-5% (got "${text}")`);

    // The audit trail has this admin's sign-in.
    await page.goto(`${base}/admin/audit?type=signin&admin=${encodeURIComponent(email)}`);
    check(await page.locator('tr.audit-event').count() >= 1, 'the audit trail lists the admin sign-in');

    check(consoleErrors.length === 0, `no console errors, got: ${consoleErrors.join(' | ')}`);
    console.log(`admin_dashboard: ${nq} queues; screenshot ${shot}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  failed++;
  console.error(`admin_dashboard: ${err.stack || err}`);
}
console.log(`admin_dashboard: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
