// Browser test of corporate buyers, in headless Debian chromium
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
import { base, check, launch, screenshot, stepper } from './lib.mjs';
import {
  admin, approveApplication, approveQualification, placeCorporate, recordDownPayment, signedInPage,
  submitQualification, washersToCheckout,
} from './corp_lib.mjs';

const member = process.env.MALLPAY_E2E_CORP_EMAIL || 'buyer@newco.demo.test';
const plan = 'installment_corporate:mallpay-corporate:6';
const { step, finish } = stepper('corporate');

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const m = await signedInPage(browser, member, errors, { width: 1100, height: 900 });
    const a = await signedInPage(browser, admin, errors, { width: 1200, height: 900 });

    await step('a member uploads the licence and statements and submits them', async () => {
      await m.goto(`${base}/company`);
      const status = await m.locator('#qual-status').getAttribute('data-status');
      if (status === 'verified') return;	// a rerun on the same stack
      if (status !== 'submitted' && status !== 'under_review') await submitQualification(m);
      check(/^\d{4}-\d{2}-\d{2}$/.test((await m.locator('#review-due').innerText()).trim()),
        'the review date is shown (C-04)');
      await screenshot(m, 'corporate_company.png');
    });

    await step('an admin views the documents and approves them', async () => {
      await m.goto(`${base}/company`);
      if (await m.locator('#qual-status').getAttribute('data-status') === 'verified') return;
      await approveQualification(a, 'NewCo Imports');
      await screenshot(a, 'corporate_admin_qualification.png');
      await m.goto(`${base}/company`);
      check(await m.locator('#qual-status').getAttribute('data-status') === 'verified',
        'the company page says verified');
    });

    let order = null;
    await step('the member orders with corporate installment and applies', async () => {
      await washersToCheckout(m, 2);
      order = await placeCorporate(m, plan);
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
      await approveApplication(a, order);
      await m.goto(`${base}/orders/${order}/corporate`);
      const text = await m.locator('#agreement-text').innerText();
      check(text.includes('CORPORATE INSTALLMENT AGREEMENT') && text.includes('Annual percentage rate'),
        'the agreement shows its figures');
      const sha = (await m.locator('#agreement-sha').innerText()).trim();
      await m.locator('#agree').check();
      await screenshot(m, 'corporate_agreement.png');
      await Promise.all([m.waitForURL(/msg=signed/), m.locator('#sign-button').click()]);
      check(await m.locator('#signed').count() === 1, 'the signature is shown');
      const dl = await m.request.get(`${base}/orders/${order}/agreement`);
      check(dl.status() === 200, 'the signed text downloads');
      const crypto = await import('node:crypto');
      const h = crypto.createHash('sha256').update(await dl.body()).digest('hex');
      check(h === sha, 'the downloaded text hashes to the SHA-256 kept');
    });

    await step('the admin records the down payment: in effect, ready to ship', async () => {
      await recordDownPayment(a, order, 'E2E-TRX-1');
      check(await a.locator('#in-effect').count() === 1, 'the admin sees the agreement in effect');
      await m.goto(`${base}/orders/${order}/corporate`);
      check((await m.locator('#order-status').innerText()).trim() === 'Pending shipment',
        'the order is pending shipment');
      check(await m.locator('#in-effect').count() === 1, 'the member sees the agreement in effect');
      await screenshot(m, 'corporate_in_effect.png');
    });

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await finish(run);
