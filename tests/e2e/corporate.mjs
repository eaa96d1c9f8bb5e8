// Browser test of issue 7 (corporate buyers), in headless Debian chromium
// (playwright-core): the demo company NewCo Imports goes from unverified to
// a signed, effective corporate installment.
//  1. A member uploads the business licence and the financial statements
//     and submits them (INST-03; review date shown, C-04).
//  2. An admin opens the qualification queue, views a document through the
//     authorizing handler, starts the review and approves (INST-03).
//  3. The member orders two washing machines with corporate installment
//     for 6 months (applied in the same step); the admin approves the application; the member
//     signs the agreement (INST-CORP); the admin records the 30% down
//     payment; the agreement is in effect and the order pending shipment.
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots
// into MALLPAY_SCREENSHOT_DIR (default ./): corporate_company.png,
// corporate_admin_qualification.png, corporate_agreement.png,
// corporate_in_effect.png. Last line "corporate: N passed, N failed".
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';

const base = (process.env.MALLPAY_TEST_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const shotDir = process.env.MALLPAY_SCREENSHOT_DIR || './';
const member = process.env.MALLPAY_E2E_CORP_EMAIL || 'buyer@newco.demo.test';
const admin = 'admin@demo.test';
const password = process.env.MALLPAY_E2E_PASSWORD || 'mallpay-demo';
const washer = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_corporate:mallpay-corporate:6';

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

// A tiny PDF, distinct per kind (type from content: "%PDF-").
function pdfFile(dir, kind) {
  const p = path.join(dir, `${kind}.pdf`);
  fs.writeFileSync(p, `%PDF-1.4\n% ${kind} ${Date.now()}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return p;
}

function watch(page, errors) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
}

async function run() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const errors = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corporate-e2e-'));
  fs.mkdirSync(shotDir, { recursive: true });
  try {
    const mctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const actx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const m = await mctx.newPage();
    const a = await actx.newPage();
    watch(m, errors);
    watch(a, errors);
    await signin(m, member);
    await signin(a, admin);

    await step('a member uploads the licence and statements and submits them', async () => {
      await m.goto(`${base}/company`);
      const status = await m.locator('#qual-status').getAttribute('data-status');
      if (status === 'verified') return;	// a rerun on the same stack
      if (status !== 'submitted' && status !== 'under_review') {
        const exp = new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);
        await m.getByRole('radio', { name: 'Business licence' }).check();
        await m.getByLabel('Licence expiry date (business licence only)').fill(exp);
        await m.locator('#document').setInputFiles(pdfFile(tmp, 'licence'));
        await Promise.all([m.waitForURL(/\/company\?msg=uploaded/), m.locator('#upload-button').click()]);
        await m.getByRole('radio', { name: 'Financial statements' }).check();
        await m.locator('#document').setInputFiles(pdfFile(tmp, 'statements'));
        await Promise.all([m.waitForURL(/\/company\?msg=uploaded/), m.locator('#upload-button').click()]);
        check(await m.locator('#documents li').count() === 2, 'both documents are listed');
        await Promise.all([m.waitForURL(/\/company\?msg=submitted/), m.locator('#submit-button').click()]);
      }
      check(/^\d{4}-\d{2}-\d{2}$/.test((await m.locator('#review-due').innerText()).trim()),
        'the review date is shown (C-04)');
      await m.screenshot({ path: path.join(shotDir, 'corporate_company.png'), fullPage: true });
    });

    await step('an admin views the documents and approves them', async () => {
      await m.goto(`${base}/company`);
      if (await m.locator('#qual-status').getAttribute('data-status') === 'verified') return;
      await a.goto(`${base}/admin/queues/qualifications`);
      const row = a.locator('tr.queue-row', { hasText: 'NewCo Imports' });
      check(await row.count() >= 1, 'the queue lists NewCo Imports');
      await Promise.all([a.waitForURL(/\/qualification/), row.first().locator('a').first().click()]);
      const href = await a.locator('#qual-documents a').first().getAttribute('href');
      const doc = await a.request.get(`${base}${href}`);
      check(doc.status() === 200 && (await doc.body()).subarray(0, 5).toString() === '%PDF-',
        'the admin reads the document through the authorizing handler');
      if (await a.locator('#start-button').count() === 1)
        await Promise.all([a.waitForURL(/msg=done/), a.locator('#start-button').click()]);
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
      check((await a.locator('#qual-status').getAttribute('data-status')) === 'verified', 'verified');
      await a.screenshot({ path: path.join(shotDir, 'corporate_admin_qualification.png'), fullPage: true });
      await m.goto(`${base}/company`);
      check(await m.locator('#qual-status').getAttribute('data-status') === 'verified',
        'the company page says verified');
    });

    let order = null;
    await step('the member orders with corporate installment and applies', async () => {
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
      await m.locator(`input[value="${plan}"]`).check();
      await Promise.all([m.waitForLoadState('load'), m.locator('#place-order').click()]);
      if (!/\/corporate/.test(m.url())) {
        // The plan's full terms are shown first; then the order is placed.
        await Promise.all([m.waitForURL(/\/orders\/\d+\/corporate/), m.locator('#place-order').click()]);
      }
      order = /\/orders\/(\d+)\/corporate/.exec(m.url())[1];
      // One step: checkout applied with the term chosen there.
      check(await m.locator('#apply-form').count() === 0, 'no second application form');
      check(await m.locator('#app-status').getAttribute('data-status') === 'submitted', 'application submitted');
      check(/^\d{4}-\d{2}-\d{2}$/.test((await m.locator('#review-due').innerText()).trim()),
        'the review date is on the application');
    });

    await step('the admin approves; the member signs the agreement', async () => {
      await a.goto(`${base}/admin/queues/corporate`);
      check(await a.locator(`a[href="/admin/orders/${order}/corporate"]`).count() >= 1,
        'the application is in the queue');
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
      await m.goto(`${base}/orders/${order}/corporate`);
      const text = await m.locator('#agreement-text').innerText();
      check(text.includes('CORPORATE INSTALLMENT AGREEMENT') && text.includes('Annual percentage rate'),
        'the agreement shows its figures');
      const sha = (await m.locator('#agreement-sha').innerText()).trim();
      await m.locator('#agree').check();
      await m.screenshot({ path: path.join(shotDir, 'corporate_agreement.png'), fullPage: true });
      await Promise.all([m.waitForURL(/msg=signed/), m.locator('#sign-button').click()]);
      check(await m.locator('#signed').count() === 1, 'the signature is shown');
      const dl = await m.request.get(`${base}/orders/${order}/agreement`);
      check(dl.status() === 200, 'the signed text downloads');
      const crypto = await import('node:crypto');
      const h = crypto.createHash('sha256').update(await dl.body()).digest('hex');
      check(h === sha, 'the downloaded text hashes to the SHA-256 kept');
    });

    await step('the admin records the down payment: in effect, ready to ship', async () => {
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await a.getByLabel('Bank transfer reference').fill('E2E-TRX-1');
      await Promise.all([a.waitForURL(/msg=done/), a.locator('#down-button').click()]);
      check(await a.locator('#in-effect').count() === 1, 'the admin sees the agreement in effect');
      await m.goto(`${base}/orders/${order}/corporate`);
      check((await m.locator('#order-status').innerText()).trim() === 'Pending shipment',
        'the order is pending shipment');
      check(await m.locator('#in-effect').count() === 1, 'the member sees the agreement in effect');
      await m.screenshot({ path: path.join(shotDir, 'corporate_in_effect.png'), fullPage: true });
    });

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  await run();
} catch (err) {
  if (failed === 0) {
    failed++;
    console.error(`corporate: ${err.stack || err}`);
  }
}
console.log(`corporate: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
