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
import {
  base, check, launch, PHONE, register, screenshot, scrollWidth, signIn, stepper, watch,
} from './lib.mjs';
import {
  admin, approveApplication, approveQualification, placeCorporate, submitQualification,
  washersToCheckout,
} from './corp_lib.mjs';

const owner = 'buyer@acme.demo.test';
const plan = 'installment_corporate:mallpay-corporate:3';
const narrow = PHONE.width;
const { step, finish } = stepper('company_members');

// Open path on page (390 px wide) and require no sideways scrolling.
const widths = {};
async function fits(page, p) {
  const resp = await page.goto(`${base}${p}`);
  check(resp && resp.status() < 400, `GET ${p} answers ${resp && resp.status()}`);
  const w = await scrollWidth(page);
  widths[p] = w;
  check(w <= narrow, `${p} is ${w} px wide at a ${narrow} px viewport`);
}

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const octx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const nctx = await browser.newContext({ viewport: PHONE });
    const actx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const o = await octx.newPage();
    const n = await nctx.newPage();
    const a = await actx.newPage();
    // The refused signature answers 403 on purpose.
    for (const page of [o, n, a]) watch(page, errors, { ignore: /403/, requests: false });
    const email = `member.${Date.now()}.${process.pid}@example.com`;
    const npw = 'company members e2e';

    await step('a new person registers', async () => {
      await register(n, email, 'Mia Member', npw);
    });

    let link = null;
    await step('the owner invites that email to place orders only', async () => {
      await signIn(o, owner);
      await o.goto(`${base}/company/members`);
      await o.getByLabel('Email address').fill(email);
      check(await o.getByLabel('Place orders').last().isChecked(), 'place orders is ticked');
      check(!(await o.getByLabel('Sign agreements').last().isChecked()), 'signing is not');
      await Promise.all([o.waitForLoadState('load'), o.locator('#invite-button').click()]);
      check((await o.locator('#members-notice').innerText()).includes('is invited'), 'the owner is told');
      check((await o.locator('#invitations').innerText()).includes(email), 'the invitation waits');
      await screenshot(o, 'company_members_1280.png');
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
      await screenshot(n, 'company_members_390.png');
    });

    await step('the company is verified (documents again if its licence lapsed)', async () => {
      await signIn(a, admin);
      await o.goto(`${base}/company`);
      const status = await o.locator('#qual-status').getAttribute('data-status');
      if (status === 'verified') return;
      // Another test may have moved the clock past the demo licence (INST-03).
      if (status !== 'submitted' && status !== 'under_review') await submitQualification(o);
      await approveQualification(a, 'Acme Trading Ltd');
      await o.goto(`${base}/company`);
      check(await o.locator('#qual-status').getAttribute('data-status') === 'verified', 'Acme is verified');
    });

    let order = null;
    await step('the owner orders on corporate installment; an admin approves', async () => {
      await washersToCheckout(o, 1);
      order = await placeCorporate(o, plan);
      if (await o.locator('#apply-button').count() === 1) {
        await o.locator('input[name="term"][value="3"]').check();
        await Promise.all([o.waitForURL(/msg=applied/), o.locator('#apply-button').click()]);
      }
      // The application as the new member sees it, at 390 px.
      await fits(n, `/orders/${order}/corporate`);
      await approveApplication(a, order);
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
      await screenshot(n, 'company_agreement_390.png');
      const pdf = await n.request.get(`${base}/orders/${order}/agreement.pdf`);
      check(pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-',
        'the agreement downloads as a PDF');
      await fits(n, `/orders/${order}/schedule`);
      check(await n.locator('table').count() >= 1, 'the schedule has its table');
      await screenshot(n, 'company_schedule_390.png');
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
      await screenshot(n, 'company_page_390.png');
      await fits(n, '/company/members');
      await fits(n, '/orders');
      // The owner's members page (forms for each member) at 390 px too.
      await o.setViewportSize(PHONE);
      await fits(o, '/company/members');
      await fits(o, '/company');
      console.log(`widths at ${narrow} px: ${JSON.stringify(widths)}`);
    });

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await finish(run);
