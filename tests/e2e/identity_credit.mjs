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
import { base, DESKTOP, launch, register, screenshot, screenshots, watch } from './lib.mjs';

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

async function run() {
  const browser = await launch();
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    watch(page, consoleErrors, { requests: false });

    // A new account.
    await register(page, email, 'Erin Example', password);

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
    await screenshot(page, 'identity-form-1280.png');
    await Promise.all([
      page.waitForURL(/\/account\/identity\?msg=verified/),
      page.getByRole('button', { name: 'Verify my identity' }).click(),
    ]);
    check(await page.locator('#identity-verified').count() === 1, 'the identity is verified, with its date');
    const masked = await page.locator('#identity-number').innerText();
    check(masked.includes('ending in 7004'), `the number is masked (page: ${masked})`);
    check(!(await page.content()).includes(idNumber), 'the full ID number is nowhere on the page');
    await screenshot(page, 'identity-verified-1280.png');

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
    await screenshots(page, 'identity-credit');

    // After: the partner installment is offered.
    await page.goto(`${base}/checkout?country=MY`);
    const radio = page.locator(`input[type=radio][value="${plan}"]`);
    const after = await page.locator('#method-installment_partner-lotus-finance').innerText();
    check(await radio.count() === 1 && !after.includes('INST-01') && !after.includes('INST-02'),
      `the partner installment is offered (block: ${after.replace(/\s+/g, ' ')})`);
    await screenshots(page, 'identity-checkout');

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
