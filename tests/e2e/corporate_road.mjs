// Browser test of the whole corporate road (INST-03, INST-CORP, INST-P3,
// RULES.md section 5), in headless Debian chromium (playwright-core), with
// the demo company Acme Trading Ltd (USD 6,200 completed in 90 days) and
// its two members:
//  1. The owner (buyer@acme.demo.test) uploads the business licence and the
//     financial statements through the company page and submits them; an
//     admin reads a document through the authorizing handler, starts the
//     review and approves (the company's renewal: it is verified after).
//  2. The owner orders two washing machines with corporate installment over
//     3 months: the checkout's plan table shows the down payment and the
//     amount financed side by side, and placing the order submits the
//     application in the same step.
//  3. The admin approves; the owner signs the agreement and is shown the
//     mall's payee account and the reference to quote for the down payment.
//  4. The admin records the down payment: the agreement is in effect and
//     the order ready to ship; the admin ships it on the shipping desk.
//  5. The admin records one repayment by bank transfer and sees its
//     allocation; the owner's schedule shows it, with no pay button.
//  6. The second member (buyer2@acme.demo.test) follows the same order: on
//     My Orders, on the company page, its corporate page (in effect, the
//     down payment), its schedule with installment 1 paid and the same
//     amount paid so far.
// Every screen is measured at 1280 and 390 px (document.scrollWidth no
// wider than the viewport) and shot into MALLPAY_SCREENSHOT_DIR (default
// ./) as corporate_road_NAME-1280.png and corporate_road_NAME-390.png.
// Last line "corporate_road: N passed, N failed".
import { base, check, DESKTOP, launch, screenshots, stepper } from './lib.mjs';
import {
  admin, approveApplication, approveQualification, placeCorporate, recordDownPayment, signedInPage,
  submitQualification, washersToCheckout,
} from './corp_lib.mjs';

const member = 'buyer@acme.demo.test';
const member2 = 'buyer2@acme.demo.test';
const company = 'Acme Trading Ltd';
const plan = 'installment_corporate:mallpay-corporate:3';
const { step, finish } = stepper('corporate_road');

// The screen on page at 1280 and 390 px: no sideways scrolling at either
// width, a full-page screenshot of each (then back to 1280).
const widths = {};
async function screens(page, name) {
  const stem = `corporate_road_${name}`;
  await screenshots(page, stem, { widths });
  const sw = widths[`${stem}-${DESKTOP.width}`];
  check(sw <= DESKTOP.width, `${name} (${page.url()}) is ${sw} px wide at a ${DESKTOP.width} px viewport`);
}

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const m = await signedInPage(browser, member, errors);
    const a = await signedInPage(browser, admin, errors);

    await step('the owner uploads the qualification documents and submits them', async () => {
      await m.goto(`${base}/company`);
      const pending = await m.locator('#submission').getAttribute('data-status').catch(() => null);
      if (pending === 'submitted' || pending === 'under_review') {
        // Left by an interrupted run on the same stack: decide it first.
        await approveQualification(a, company);
        await m.goto(`${base}/company`);
      }
      await submitQualification(m);
      check(await m.locator('#submission').getAttribute('data-status') === 'submitted',
        'the documents are submitted');
      check(/^\d{4}-\d{2}-\d{2}$/.test((await m.locator('#review-due').innerText()).trim()),
        'the review date is shown (C-04)');
      await screens(m, 'documents');
    });

    await step('an admin reads a document and approves the qualification', async () => {
      await approveQualification(a, company);
      await screens(a, 'qualification');
      await m.goto(`${base}/company`);
      check(await m.locator('#submission').getAttribute('data-status') === 'verified',
        'the submission is approved');
      check(await m.locator('#qual-status').getAttribute('data-status') === 'verified',
        'the company is verified');
    });

    let order = null;
    let paidSoFar = null;
    await step('the member places a corporate installment order in one step', async () => {
      await washersToCheckout(m, 2);
      const row = m.locator(`tr.plan[data-plan="${plan}"]`);
      if (await row.count() === 0) {
        const block = m.locator('#method-installment_corporate-mallpay-corporate');
        throw new Error(`no corporate plan offered: ${await block.count() ? await block.innerText() : 'no block'}`);
      }
      await m.locator('#method-installment_corporate-mallpay-corporate .plans-compare summary').click();
      check((await row.locator('.corp-down').innerText()).trim() === 'USD 437.40',
        'the plan table shows the down payment before a plan is picked');
      check((await row.locator('.corp-financed').innerText()).trim() === 'USD 1,020.60',
        'and the amount financed');
      check(await m.locator('#method-credit_line').count() === 0, 'no credit line for a company');
      check(await m.locator('#method-pay_after_use').count() === 0, 'no Pay After Use for a company');
      check(await m.locator('#nav-credit').count() === 0 && await m.locator('#nav-pau').count() === 0,
        'the menu offers a company neither');
      await screens(m, 'checkout');
      order = await placeCorporate(m, plan);
      check(await m.locator('#apply-form').count() === 0, 'no second "Submit application"');
      check((await m.locator('#app-status').innerText()).trim() === 'Waiting for review',
        'the application is submitted, in words');
      await screens(m, 'application');
    });

    await step('the admin approves; the member signs and is told where to pay', async () => {
      await approveApplication(a, order);
      await screens(a, 'admin_approved');
      await m.goto(`${base}/orders/${order}/corporate`);
      await screens(m, 'agreement');
      await m.locator('#agree').check();
      await Promise.all([m.waitForURL(/msg=signed/), m.locator('#sign-button').click()]);
      check(await m.locator('#signed').count() === 1, 'the signature is shown');
      check((await m.locator('#down-amount').innerText()).trim() === 'USD 437.40', 'the down payment');
      check((await m.locator('#payee-ref').innerText()).trim() === `MP-CORP-${order}`,
        'the reference to quote');
      check((await m.locator('#payee-account').innerText()).trim() !== '', 'the payee account');
      await screens(m, 'down');
      await m.goto(`${base}/orders/${order}`);
      check(!(await m.content()).includes('Sign the installment agreement'),
        'the order page no longer asks to sign');
    });

    await step('the admin records the down payment; the order is ready to ship and ships', async () => {
      await recordDownPayment(a, order, 'E2E-DOWN-1');
      check(await a.locator('#in-effect').count() === 1, 'the agreement is in effect');
      check((await a.locator('#order-status').innerText()).trim() === 'Pending shipment',
        'the order is ready to ship');
      await screens(a, 'down_recorded');
      await a.goto(`${base}/admin/orders/${order}/fulfil`);
      await Promise.all([
        a.waitForURL(new RegExp(`/admin/orders/${order}/fulfil`)),
        a.getByRole('button', { name: 'Mark shipped' }).click(),
      ]);
      check(await a.locator('#mark-shipped').count() === 0, 'the order is shipped');
      await screens(a, 'shipped');
      await m.goto(`${base}/orders/${order}`);
      check(await m.locator('#shipment').count() === 1, 'the owner sees the shipment');
      await screens(m, 'order');
    });

    await step('the admin records one repayment and sees its allocation', async () => {
      await a.goto(`${base}/admin/orders/${order}/corporate`);
      await a.locator('#r-amount').fill('348.36');
      await a.locator('#r-reference').fill('E2E-REPAY-1');
      await Promise.all([a.waitForURL(/msg=transfer/), a.locator('#repay-button').click()]);
      const first = a.locator('#transfers tr.transfer').first();
      check((await first.innerText()).includes('Installment 1: USD 348.36 (paid in full)'),
        'the allocation is shown');
      await screens(a, 'allocation');
      await m.goto(`${base}/orders/${order}/schedule`);
      check(await m.locator('#pay-button').count() === 0, 'no shopper repayment button');
      check((await m.locator('tr[data-seq="1"] .inst-state').innerText()).trim() === 'paid',
        'installment 1 is paid');
      check((await m.locator('#payee-ref').innerText()).trim() === `MP-CORP-${order}`,
        'the schedule gives the reference to quote');
      paidSoFar = (await m.locator('#total-paid').innerText()).trim();
      await screens(m, 'schedule');
    });

    await step('the second member follows the same order to its payment', async () => {
      const m2 = await signedInPage(browser, member2, errors);
      await m2.goto(`${base}/orders`);
      check(await m2.locator(`a[href="/orders/${order}"]`).count() > 0,
        'My Orders lists the company\'s order');
      await screens(m2, 'member2_orders');
      await m2.goto(`${base}/company`);
      const link = m2.locator(`#company-orders a[href="/orders/${order}/corporate"]`);
      check(await link.count() === 1, 'the company page lists the order');
      await screens(m2, 'member2_company');
      await Promise.all([m2.waitForURL(new RegExp(`/orders/${order}/corporate`)), link.click()]);
      check(await m2.locator('#in-effect').count() === 1, 'the agreement is in effect for the member too');
      check((await m2.locator('#order-status').innerText()).trim() !== '', 'with the order\'s status');
      await screens(m2, 'member2_corporate');
      const resp = await m2.goto(`${base}/orders/${order}`);
      check(resp && resp.status() === 200, 'the order page opens for the second member');
      check(await m2.locator('#shipment').count() === 1, 'with its shipment');
      await screens(m2, 'member2_order');
      await m2.goto(`${base}/orders/${order}/schedule`);
      check((await m2.locator('tr[data-seq="1"] .inst-state').innerText()).trim() === 'paid',
        'the second member sees installment 1 paid');
      check((await m2.locator('#total-paid').innerText()).trim() === paidSoFar,
        `and the same amount paid so far (${paidSoFar})`);
      check((await m2.locator('#payee-ref').innerText()).trim() === `MP-CORP-${order}`,
        'and the reference to quote');
      check(await m2.locator('#pay-button').count() === 0, 'and no repayment button');
      await screens(m2, 'member2_schedule');
      await m2.context().close();
    });

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
    console.log(`widths: ${JSON.stringify(widths)}`);
  } finally {
    await browser.close();
  }
}

await finish(run);
