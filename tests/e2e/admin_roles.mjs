// Browser test of admin roles: the demo admin (every role) invites a
// reviewer on Admins and roles; the invitee opens the one-time link, sets
// a password, signs in and sees only what a reviewer may open: the review
// queues and orders, no money, settings or admins pages; a finance page
// answers 403 naming the role it needs.
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots
// ($MALLPAY_SCREENSHOT_DIR, default ./): admin-admins-{1280,390}.png,
// admin-invitation-{1280,390}.png, admin-reviewer-{1280,390}.png.
// Last line: "admin_roles: N passed, N failed".
import { base, check, launch, screenshots, signIn, stepper, totpCode, watch } from './lib.mjs';

const { step, finish } = stepper('admin_roles');
const password = 'reviewer password 42';

async function run() {
  const browser = await launch();
  const errors = [];
  const invitee = `reviewer-${process.pid}-${Date.now()}@test.invalid`;
  let link = null;
  try {
    const owner = await (await browser.newContext()).newPage();
    watch(owner, errors);
    await step('the owner invites a reviewer and gets a one-time link', async () => {
      await signIn(owner, 'admin@demo.test', { landing: /\/catalog|\/admin/ });
      await owner.goto(`${base}/admin`);
      await owner.getByRole('link', { name: 'Admins and roles' }).click();
      await owner.waitForURL(/\/admin\/admins$/);
      await owner.getByLabel('Email address').fill(invitee);
      await owner.locator('#invite-form').getByLabel('Reviewer').check();
      await Promise.all([owner.waitForURL(/\/admin\/admins\/invite$/),
        owner.locator('#invite-button').click()]);
      link = await owner.locator('#invite-link').getAttribute('href');
      check(link && link.startsWith('/console/invitations/'), `invitation link shown (${link})`);
      const row = owner.locator(`tr[data-email="${invitee}"]`);
      check(await row.count() === 1, 'the invitee is listed');
      check((await row.locator('[data-status]').getAttribute('data-status')) === 'invited',
        'the invitee is listed as invited');
      await screenshots(owner, 'admin-admins');
    });

    const rev = await (await browser.newContext()).newPage();
    // The reviewer's refused finance page answers 403, logged by Chromium.
    watch(rev, errors, { ignore: /status of 403/ });
    await step('the invitee sets a password by the link and signs in', async () => {
      const resp = await rev.goto(`${base}${link}`);
      check(resp && resp.status() === 200, 'the invitation opens');
      check((await rev.locator('#invitation-roles').innerText()) === 'Reviewer',
        'the invitation names the role');
      await rev.getByLabel('Your name').fill('Rita Reviewer');
      await rev.getByLabel('Password (at least 12 characters)').fill(password);
      await rev.getByLabel('The same password again').fill(password);
      await screenshots(rev, 'admin-invitation');
      await Promise.all([rev.waitForLoadState('load'), rev.locator('#invitation-accept').click()]);
      check(await rev.locator('#invitation-done').count() === 1, 'the password is set');
      await rev.locator('#invitation-signin').click();
      await rev.waitForURL(/\/signin/);
      await rev.getByLabel('Email').fill(invitee);
      await rev.getByLabel('Password').fill(password);
      // A new admin sets up the authenticator app at the first sign-in.
      await Promise.all([rev.waitForURL(/\/signin\/enroll/),
        rev.getByRole('button', { name: 'Sign in' }).click()]);
      const secret = (await rev.locator('#totp-secret').innerText()).trim();
      await rev.getByLabel('Enter the code the app shows now').fill(totpCode(secret));
      await Promise.all([rev.waitForLoadState('load'),
        rev.getByRole('button', { name: 'Confirm and continue' }).click()]);
      await Promise.all([rev.waitForURL(/\/admin$/),
        rev.getByRole('link', { name: /saved them/ }).click()]);
    });

    await step('the reviewer sees only reviewer links', async () => {
      check((await rev.locator('#my-roles').innerText()).includes('Reviewer'), 'roles shown');
      const hrefs = await rev.locator('main a[href^="/admin"]').evaluateAll(
        (as) => as.map((a) => a.getAttribute('href')));
      check(hrefs.some((h) => h.startsWith('/admin/queues/cod')), 'the COD queue is linked');
      check(hrefs.includes('/admin/orders'), 'all orders are linked');
      for (const h of hrefs) {
        check(!/^\/admin\/(reconciliation|guarantee|admins|settings|fx|holidays|remittance)/.test(h),
          `no finance, settings or owner link (${h})`);
      }
      await screenshots(rev, 'admin-reviewer');
      const resp = await rev.goto(`${base}/admin/reconciliation`);
      check(resp && resp.status() === 403, 'a finance page answers 403');
      check((await rev.locator('main').innerText()).includes('Finance'),
        'the refusal names the role it needs');
    });
  } finally {
    await browser.close();
  }
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
}

finish(run);
