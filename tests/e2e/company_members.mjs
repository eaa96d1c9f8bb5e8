// Browser test of company accounts (RULES.md section 5: corporate users act
// for their company), in headless Debian chromium (playwright-core):
//  1. A new person registers; the owner of the demo Acme invites that email
//     with "place orders" only; the link arrives as an account message and
//     the person accepts it.
//  2. The owner orders a washing machine on corporate installment (applying
//     when checkout did not), an admin approves it.
//  3. The new member follows the company's order from My Orders to its page,
//     its corporate page (the agreement, its PDF) and its schedule, and is
//     refused signing (403, with the words of the action).
//  4. No corporate page scrolls sideways at 390 px: document.scrollWidth is
//     measured on the company page (documents), the members page, the
//     invitation, the application and agreement, the order, its schedule.
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots
// into MALLPAY_SCREENSHOT_DIR (default ./): company_members_1280.png,
// company_members_390.png, company_agreement_390.png,
// company_schedule_390.png, company_page_390.png.
// Last line "company_members: N passed, N failed".
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';

const base = (process.env.MALLPAY_TEST_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const shotDir = process.env.MALLPAY_SCREENSHOT_DIR || './';
const owner = 'buyer@acme.demo.test';
const admin = 'admin@demo.test';
const password = process.env.MALLPAY_E2E_PASSWORD || 'mallpay-demo';
const washer = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_corporate:mallpay-corporate:3';
const narrow = 390;

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

async function signin(page, email, pw) {
  const resp = await page.goto(`${base}/signin`);
  check(resp && resp.status() === 200, 'GET /signin answers 200');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(pw || password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/signin')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

function watch(page, errors) {
  page.on('console', (msg) => {
    // The refused signature answers 403 on purpose.
    if (msg.type() === 'error' && !/403/.test(msg.text())) errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
}

// Open path on page (390 px wide) and require no sideways scrolling.
const widths = {};
async function fits(page, p) {
  const resp = await page.goto(`${base}${p}`);
  check(resp && resp.status() < 400, `GET ${p} answers ${resp && resp.status()}`);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  widths[p] = w;
  check(w <= narrow, `${p} is ${w} px wide at a ${narrow} px viewport`);
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
    const octx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const nctx = await browser.newContext({ viewport: { width: narrow, height: 844 } });
    const actx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const o = await octx.newPage();
    const n = await nctx.newPage();
    const a = await actx.newPage();
    watch(o, errors);
    watch(n, errors);
    watch(a, errors);
    const email = `member.${Date.now()}.${process.pid}@example.com`;
    const npw = 'company members e2e';

    await step('a new person registers', async () => {
      await n.goto(`${base}/register`);
      await n.locator('#email').fill(email);
      await n.locator('#name').fill('Mia Member');
      await n.locator('#password').fill(npw);
      await n.locator('#confirm').fill(npw);
      await Promise.all([n.waitForURL((u) => !u.pathname.startsWith('/register')),
        n.getByRole('button', { name: 'Create account' }).click()]);
    });

    let link = null;
    await step('the owner invites that email to place orders only', async () => {
      await signin(o, owner);
      await o.goto(`${base}/company/members`);
      await o.getByLabel('Email address').fill(email);
      check(await o.getByLabel('Place orders').last().isChecked(), 'place orders is ticked');
      check(!(await o.getByLabel('Sign agreements').last().isChecked()), 'signing is not');
      await Promise.all([o.waitForLoadState('load'), o.locator('#invite-button').click()]);
      check((await o.locator('#members-notice').innerText()).includes('is invited'), 'the owner is told');
      check((await o.locator('#invitations').innerText()).includes(email), 'the invitation waits');
      await o.screenshot({ path: path.join(shotDir, 'company_members_1280.png'), fullPage: true });
    });

    await step('the invitation arrives as a message; the person accepts it', async () => {
      await n.goto(`${base}/messages`);
      const body = await n.locator('.messages').innerText();
      const m = /\/company\/invitations\/[0-9a-f]{64}/.exec(body);
      check(m, 'the message carries the invitation link');
      link = m[0];
      await fits(n, link);
      await Promise.all([n.waitForURL(/\/company\/members\?msg=joined/), n.locator('#accept-button').click()]);
      check((await n.locator('#my-perms').innerText()).trim() === 'place orders', 'the member may place orders');
      await n.screenshot({ path: path.join(shotDir, 'company_members_390.png'), fullPage: true });
    });

    await step('the company is verified (documents again if its licence lapsed)', async () => {
      await signin(a, admin);
      await o.goto(`${base}/company`);
      const status = await o.locator('#qual-status').getAttribute('data-status');
      if (status === 'verified') return;
      // Another test may have moved the clock past the demo licence (INST-03).
      if (status !== 'submitted' && status !== 'under_review') {
        const exp = new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);
        for (const kind of ['licence', 'statements']) {
          await o.getByRole('radio', { name: kind === 'licence' ? 'Business licence' : 'Financial statements' }).check();
          if (kind === 'licence') await o.locator('#expires').fill(exp);
          await o.locator('#document').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf',
            buffer: Buffer.from(`%PDF-1.4\n% ${kind} ${Date.now()}\n%%EOF\n`) });
          await Promise.all([o.waitForURL(/\/company\?msg=uploaded/), o.locator('#upload-button').click()]);
        }
        await Promise.all([o.waitForURL(/\/company\?msg=submitted/), o.locator('#submit-button').click()]);
      }
      await a.goto(`${base}/admin/queues/qualifications`);
      const row = a.locator('tr.queue-row', { hasText: 'Acme Trading Ltd' });
      await Promise.all([a.waitForURL(/\/qualification/), row.first().locator('a').first().click()]);
      if (await a.locator('#start-button').count() === 1)
        await Promise.all([a.waitForURL(/msg=done/), a.locator('#start-button').click()]);
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
      await o.goto(`${base}/company`);
      check(await o.locator('#qual-status').getAttribute('data-status') === 'verified', 'Acme is verified');
    });

    let order = null;
    await step('the owner orders on corporate installment; an admin approves', async () => {
      await o.goto(`${base}/cart`);
      for (let i = 0; i < 50; i++) {
        const remove = o.locator('form[action="/cart/remove"] button').first();
        if (await remove.count() === 0) break;
        await Promise.all([o.waitForURL(/\/cart/), remove.click()]);
      }
      await o.goto(`${base}/catalog`);
      const card = o.locator(`li.product:has(h3:text-is("${washer}"))`);
      check(await card.count() === 1, `the catalog lists ${washer}`);
      await Promise.all([o.waitForURL(/\/cart\?msg=added/),
        card.getByRole('button', { name: 'Add to cart' }).click()]);
      await o.goto(`${base}/checkout?country=MY`);
      await o.locator(`input[value="${plan}"]`).check();
      await Promise.all([o.waitForLoadState('load'), o.locator('#place-order').click()]);
      if (!/\/corporate/.test(o.url()))
        await Promise.all([o.waitForURL(/\/orders\/\d+\/corporate/), o.locator('#place-order').click()]);
      order = /\/orders\/(\d+)\/corporate/.exec(o.url())[1];
      if (await o.locator('#apply-button').count() === 1) {
        await o.locator('input[name="term"][value="3"]').check();
        await Promise.all([o.waitForURL(/msg=applied/), o.locator('#apply-button').click()]);
      }
      // The application as the new member sees it, at 390 px.
      await fits(n, `/orders/${order}/corporate`);
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
    });

    await step('the member follows the order from My Orders to its schedule', async () => {
      await n.goto(`${base}/orders`);
      check(!(await n.content()).includes('You have no orders yet'), 'My Orders is not empty');
      const row = n.locator(`a[href="/orders/${order}"]`).first();
      check(await row.count() === 1, `My Orders lists order #${order}`);
      await Promise.all([n.waitForURL(new RegExp(`/orders/${order}$`)), row.click()]);
      await fits(n, `/orders/${order}`);
      await fits(n, `/orders/${order}/corporate`);
      check((await n.locator('#agreement-sha').innerText()).trim().length === 64, 'the hash is shown');
      await n.screenshot({ path: path.join(shotDir, 'company_agreement_390.png'), fullPage: true });
      const pdf = await n.request.get(`${base}/orders/${order}/agreement.pdf`);
      check(pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-',
        'the agreement downloads as a PDF');
      await fits(n, `/orders/${order}/schedule`);
      check(await n.locator('table').count() >= 1, 'the schedule has its table');
      await n.screenshot({ path: path.join(shotDir, 'company_schedule_390.png'), fullPage: true });
    });

    await step('the member may not sign: 403 with the words of the action', async () => {
      await n.goto(`${base}/orders/${order}/corporate`);
      await n.locator('#agree').check();
      const [resp] = await Promise.all([
        n.waitForResponse((r) => r.url().endsWith(`/orders/${order}/corporate/sign`)),
        n.locator('#sign-button').click(),
      ]);
      check(resp.status() === 403, `signing answers ${resp.status()}`);
      await n.waitForLoadState('load');
      check((await n.locator('#corp-error').innerText()).includes('You may not sign installment agreements'),
        'the refusal says what and whom to ask');
    });

    await step('no corporate page scrolls sideways at 390 px', async () => {
      await fits(n, '/company');
      await n.screenshot({ path: path.join(shotDir, 'company_page_390.png'), fullPage: true });
      await fits(n, '/company/members');
      await fits(n, '/orders');
      // The owner's members page (forms for each member) at 390 px too.
      await o.setViewportSize({ width: narrow, height: 844 });
      await fits(o, '/company/members');
      await fits(o, '/company');
      console.log(`widths at ${narrow} px: ${JSON.stringify(widths)}`);
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
    console.error(`company_members: ${err.stack || err}`);
  }
}
console.log(`company_members: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
