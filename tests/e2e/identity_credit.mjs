// Browser test: a newly registered shopper completes real-name
// authentication (INST-01) with a photo of the document, authorizes the
// credit evaluation (INST-02, PAU-01) after reading the consent text, and
// then sees the partner installment offered at checkout, in headless Debian
// chromium (playwright-core).
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots
// into $MALLPAY_SCREENSHOT_DIR (default ./): identity-form-1280.png,
// identity-verified-1280.png, identity-credit-1280.png,
// identity-credit-390.png, identity-checkout-1280.png,
// identity-checkout-390.png. The last line says
// "identity_credit: N passed, N failed"; exit status 0 only when all passed.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';

const base = (process.env.MALLPAY_TEST_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const shotDir = process.env.MALLPAY_SCREENSHOT_DIR || './';
const email = `idv-${process.pid}-${Date.now()}@e2e.test`;
const password = 'identity-e2e-password';
const product = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_partner:lotus-finance:6';
// The sandboxes (README): last digit 4 = the identity matches; the three
// digits before it, 700, are the bureau's score.
const idNumber = 'E2E-12-7004';
// A complete 1x1 PNG: the document's photo.
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478'
  + '9c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex');

let passed = 0;
let failed = 0;
const failures = [];

function check(cond, what) {
  if (cond) {
    passed++;
  } else {
    failed++;
    failures.push(what);
    throw new Error(`check failed: ${what}`);
  }
}

async function shot(page, name) {
  fs.mkdirSync(shotDir, { recursive: true });
  const p = path.join(shotDir, name);
  await page.screenshot({ path: p, fullPage: true });
  check(fs.statSync(p).size > 0, `screenshot ${name} written`);
  return p;
}

// Screenshots of the current page at 1280 px and 390 px wide.
async function shots(page, stem) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${stem}-1280.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${stem}-390.png`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function run() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));

    // A new account.
    let resp = await page.goto(`${base}/register`);
    check(resp && resp.status() === 200, 'GET /register answers 200');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Full name').fill('Erin Example');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Repeat the password').fill(password);
    await Promise.all([
      page.waitForURL(/\/catalog/),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);

    // Before: the checkout refuses the partner installment (INST-01, INST-02).
    await page.goto(`${base}/catalog`);
    const item = page.locator(`li.product:has(h3:text-is("${product}"))`);
    check(await item.count() === 1, `the catalog lists ${product}`);
    await Promise.all([
      page.waitForURL(/\/cart\?msg=added/),
      item.getByRole('button', { name: 'Add to cart' }).click(),
    ]);
    await page.goto(`${base}/checkout?country=MY`);
    const before = await page.locator('#method-installment_partner-lotus-finance').innerText();
    check(before.includes('INST-01') && before.includes('INST-02'),
      `a new shopper is refused with INST-01 and INST-02 (block: ${before.replace(/\s+/g, ' ')})`);
    check(await page.locator(`input[type=radio][value="${plan}"]`).count() === 0,
      'no partner installment to choose yet');

    // INST-01: the real-name form, from the navigation.
    await page.locator('#nav-identity').click();
    await page.waitForURL(/\/account\/identity$/);
    await page.getByLabel(/Legal name/).fill('Erin Example');
    await page.getByLabel(/Date of birth/).fill('1988-07-30');
    await page.getByLabel('Document', { exact: true }).selectOption('passport');
    await page.getByLabel('Document number').fill(idNumber);
    await page.getByLabel(/Photo or scan/).setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: png });
    await shot(page, 'identity-form-1280.png');
    await Promise.all([
      page.waitForURL(/\/account\/identity\?msg=verified/),
      page.getByRole('button', { name: 'Verify my identity' }).click(),
    ]);
    check(await page.locator('#identity-verified').count() === 1, 'the identity is verified, with its date');
    const masked = await page.locator('#identity-number').innerText();
    check(masked.includes('ending in 7004'), `the number is masked (page: ${masked})`);
    check(!(await page.content()).includes(idNumber), 'the full ID number is nowhere on the page');
    await shot(page, 'identity-verified-1280.png');

    // INST-02: read the consent text, accept it.
    check((await page.locator('#consent-text').innerText()).includes('withdraw'),
      'the consent text says it can be withdrawn');
    await page.getByLabel(/I have read this text/).check();
    await Promise.all([
      page.waitForURL(/\/account\/identity\?msg=authorized/),
      page.getByRole('button', { name: 'Authorize the credit evaluation' }).click(),
    ]);
    check((await page.locator('#credit-score').innerText()).trim() === '700', 'the bureau scored 700');
    check(await page.locator('#credit-withdraw-form').count() === 1, 'the consent can be withdrawn');
    await shots(page, 'identity-credit');

    // After: the partner installment is offered.
    await page.goto(`${base}/checkout?country=MY`);
    const radio = page.locator(`input[type=radio][value="${plan}"]`);
    const after = await page.locator('#method-installment_partner-lotus-finance').innerText();
    check(await radio.count() === 1 && !after.includes('INST-01') && !after.includes('INST-02'),
      `the partner installment is offered (block: ${after.replace(/\s+/g, ' ')})`);
    await shots(page, 'identity-checkout');

    check(consoleErrors.length === 0, `no console errors, got: ${consoleErrors.join(' | ')}`);
    console.log(`identity_credit: ${email} verified, authorized and offered ${plan}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  if (failures.length === 0) {
    failed++;
  }
  console.error(`identity_credit: ${err.stack || err}`);
}
console.log(`identity_credit: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
