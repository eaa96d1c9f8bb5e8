// Browser test of the corporate installment's road (INST-CORP, INST-P3), in
// headless Debian chromium (playwright-core), with the demo company Acme
// Trading Ltd (verified, USD 6,200 completed in 90 days):
//  1. The member (buyer@acme.demo.test) orders two washing machines with
//     corporate installment over 3 months: the checkout's plan table shows
//     the down payment and the amount financed side by side, and placing
//     the order submits the application in the same step.
//  2. The admin approves; the member signs the agreement and is shown the
//     mall's payee account and the reference to quote for the down payment.
//  3. The admin records the down payment: the agreement is in effect and
//     the order ready to ship; the admin ships it on the shipping desk.
//  4. The admin records one repayment by bank transfer and sees its
//     allocation; the member's schedule shows it, with no pay button.
//  5. A second member of the company (buyer2@acme.demo.test) finds the
//     order on My Orders and follows it to its schedule.
// Screenshots at 1280 and 390 px into MALLPAY_SCREENSHOT_DIR (default ./):
// corporate_road_checkout_1280.png, corporate_road_checkout_390.png,
// corporate_road_down_1280.png, corporate_road_down_390.png,
// corporate_road_allocation_1280.png, corporate_road_schedule_390.png.
// Last line "corporate_road: N passed, N failed".
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';

const base = (process.env.MALLPAY_TEST_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const shotDir = process.env.MALLPAY_SCREENSHOT_DIR || './';
const member = 'buyer@acme.demo.test';
const member2 = 'buyer2@acme.demo.test';
const admin = 'admin@demo.test';
const password = process.env.MALLPAY_E2E_PASSWORD || 'mallpay-demo';
const washer = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_corporate:mallpay-corporate:3';

let passed = 0;
let failed = 0;

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok: ${name}`);
  } catch (err) {
    failed++;
    console.error(`FAILED: ${name}: ${err.stack || err}`);
    throw err;
  }
}

async function signin(page, email) {
  const resp = await page.goto(`${base}/signin`);
  check(resp && resp.status() === 200, 'GET /signin answers 200');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/signin')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

function watch(page, errors) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
}

// A full-page screenshot of page at width w (then back to 1280).
async function shot(page, w, name) {
  await page.setViewportSize({ width: w, height: 900 });
  await page.screenshot({ path: path.join(shotDir, name), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function run() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const errors = [];
  fs.mkdirSync(shotDir, { recursive: true });
  try {
    const mctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const actx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const m = await mctx.newPage();
    const a = await actx.newPage();
    watch(m, errors);
    watch(a, errors);
    await signin(m, member);
    await signin(a, admin);

    let order = null;
    await step('the member places a corporate installment order in one step', async () => {
      await m.goto(`${base}/cart`);
      for (let i = 0; i < 50; i++) {
        const remove = m.locator('form[action="/cart/remove"] button').first();
        if (await remove.count() === 0) break;
        await Promise.all([m.waitForURL(/\/cart/), remove.click()]);
      }
      const card = m.locator(`li.product:has(h3:text-is("${washer}"))`);
      for (let i = 0; i < 2; i++) {
        await m.goto(`${base}/catalog`);
        check(await card.count() === 1, `the catalog lists ${washer}`);
        await Promise.all([m.waitForURL(/\/cart\?msg=added/),
          card.getByRole('button', { name: 'Add to cart' }).click()]);
      }
      await m.goto(`${base}/checkout?country=MY`);
      const row = m.locator(`tr.plan[data-plan="${plan}"]`);
      if (await row.count() === 0) {
        const block = m.locator('#method-installment_corporate-mallpay-corporate');
        throw new Error(`no corporate plan offered: ${await block.count() ? await block.innerText() : 'no block'}`);
      }
      check((await row.locator('.corp-down').innerText()).trim() === 'USD 437.40',
        'the plan table shows the down payment before a plan is picked');
      check((await row.locator('.corp-financed').innerText()).trim() === 'USD 1,020.60',
        'and the amount financed');
      check(await m.locator('#method-credit_line').count() === 0, 'no credit line for a company');
      check(await m.locator('#method-pay_after_use').count() === 0, 'no Pay After Use for a company');
      check(await m.locator('#nav-credit').count() === 0 && await m.locator('#nav-pau').count() === 0,
        'the menu offers a company neither');
      await shot(m, 1280, 'corporate_road_checkout_1280.png');
      await shot(m, 390, 'corporate_road_checkout_390.png');
      await m.locator(`input[value="${plan}"]`).check();
      await Promise.all([m.waitForLoadState('load'), m.locator('#place-order').click()]);
      if (!/\/corporate/.test(m.url()))
        await Promise.all([m.waitForURL(/\/orders\/\d+\/corporate/), m.locator('#place-order').click()]);
      order = /\/orders\/(\d+)\/corporate/.exec(m.url())[1];
      check(await m.locator('#apply-form').count() === 0, 'no second "Submit application"');
      check((await m.locator('#app-status').innerText()).trim() === 'Waiting for review',
        'the application is submitted, in words');
    });

    await step('the admin approves; the member signs and is told where to pay', async () => {
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
      await m.goto(`${base}/orders/${order}/corporate`);
      await m.locator('#agree').check();
      await Promise.all([m.waitForURL(/msg=signed/), m.locator('#sign-button').click()]);
      check(await m.locator('#signed').count() === 1, 'the signature is shown');
      check((await m.locator('#down-amount').innerText()).trim() === 'USD 437.40', 'the down payment');
      check((await m.locator('#payee-ref').innerText()).trim() === `MP-CORP-${order}`,
        'the reference to quote');
      check((await m.locator('#payee-account').innerText()).trim() !== '', 'the payee account');
      await shot(m, 1280, 'corporate_road_down_1280.png');
      await shot(m, 390, 'corporate_road_down_390.png');
      await m.goto(`${base}/orders/${order}`);
      check(!(await m.content()).includes('Sign the installment agreement'),
        'the order page no longer asks to sign');
    });

    await step('the admin records the down payment; the order is ready to ship and ships', async () => {
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await a.getByLabel('Bank transfer reference').fill('E2E-DOWN-1');
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#down-button').click()]);
      check(await a.locator('#in-effect').count() === 1, 'the agreement is in effect');
      check((await a.locator('#order-status').innerText()).trim() === 'Pending shipment',
        'the order is ready to ship');
      await a.goto(`${base}/admin/orders/${order}/fulfil`);
      await Promise.all([
        a.waitForURL(new RegExp(`/admin/orders/${order}/fulfil`)),
        a.getByRole('button', { name: 'Mark shipped' }).click(),
      ]);
      check(await a.locator('#mark-shipped').count() === 0, 'the order is shipped');
    });

    await step('the admin records one repayment and sees its allocation', async () => {
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await a.locator('#r-amount').fill('348.36');
      await a.locator('#r-reference').fill('E2E-REPAY-1');
      await Promise.all([a.waitForURL(/msg=transfer/), a.locator('#repay-button').click()]);
      const first = a.locator('#transfers tr.transfer').first();
      check((await first.innerText()).includes('Installment 1: USD 348.36 (paid in full)'),
        'the allocation is shown');
      await shot(a, 1280, 'corporate_road_allocation_1280.png');
      await m.goto(`${base}/orders/${order}/schedule`);
      check(await m.locator('#pay-button').count() === 0, 'no shopper repayment button');
      check((await m.locator('tr[data-seq="1"] .inst-state').innerText()).trim() === 'paid',
        'installment 1 is paid');
      check((await m.locator('#payee-ref').innerText()).trim() === `MP-CORP-${order}`,
        'the schedule gives the reference to quote');
      await shot(m, 390, 'corporate_road_schedule_390.png');
    });

    await step('a second member of the company follows the same order', async () => {
      const m2ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const m2 = await m2ctx.newPage();
      watch(m2, errors);
      await signin(m2, member2);
      await m2.goto(`${base}/orders`);
      check(await m2.locator(`a[href="/orders/${order}"]`).count() > 0,
        'My Orders lists the company\'s order');
      const resp = await m2.goto(`${base}/orders/${order}`);
      check(resp && resp.status() === 200, 'the order page opens for the second member');
      await m2.goto(`${base}/orders/${order}/schedule`);
      check((await m2.locator('tr[data-seq="1"] .inst-state').innerText()).trim() === 'paid',
        'the second member sees installment 1 paid');
      check(await m2.locator('#pay-button').count() === 0, 'and no repayment button');
      await shot(m2, 390, 'corporate_road_member2_schedule_390.png');
      await m2ctx.close();
    });

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  if (failed === 0) {
    failed++;
    console.error(`corporate_road: ${err.stack || err}`);
  }
}
console.log(`corporate_road: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
