// An admin's two-factor sign-in in the browser: a new admin (mallpayctl
// create-admin) signs in with the password, sets up the authenticator app
// on the enrollment page (QR code drawn as SVG, the key in base32), gets
// the recovery codes once, and later signs in with the app's code; the
// demo admin signs in through the shared helper. Screenshots of the
// enrollment page and the code step at 1280 and 390 px.
// Env: as lib.mjs, and MALLPAY_CTL, MALLPAY_CONF (set by suite.sh).
import { execFileSync } from 'node:child_process';
import { base, check, enterCode, launch, screenshots, signIn, stepper, totpCode, watch } from './lib.mjs';

const { step, finish } = stepper('admin_totp');
const password = 'correct horse battery staple';

// A new admin without a second factor; their email.
function newAdmin() {
  const email = `totp-e2e-${process.pid}-${Date.now()}@test.invalid`;
  execFileSync(process.env.MALLPAY_CTL, ['-c', process.env.MALLPAY_CONF, 'create-admin',
    '--email', email, '--name', 'Tess Totp'], { input: `${password}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  return email;
}

// The password step; resolves on the page it leads to (path checked).
async function passwordStep(page, email, path) {
  await page.goto(`${base}/signin?next=/admin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === path),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

async function run() {
  check(process.env.MALLPAY_CTL && process.env.MALLPAY_CONF, 'MALLPAY_CTL and MALLPAY_CONF are set');
  const browser = await launch();
  const errors = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // The deliberate wrong code answers 401, which Chromium logs.
    watch(page, errors, { ignore: /status of 401/ });
    const email = newAdmin();
    let secret;
    let recovery;
    await step('a new admin is taken to the enrollment page after the password', async () => {
      await passwordStep(page, email, '/signin/enroll');
      check(await page.locator('svg.qr path').count() === 1, 'the QR code is an inline SVG path');
      check(await page.locator('img').count() === 0, 'no image file for the QR code');
      secret = (await page.locator('#totp-secret').innerText()).trim();
      check(/^[A-Z2-7]{32}$/.test(secret), `the key is 32 base32 characters (got "${secret}")`);
      await screenshots(page, 'admin_totp_enroll');
    });
    await step('a wrong first code is refused beside the field', async () => {
      const good = totpCode(secret);
      const wrong = (good[0] === '9' ? '0' : String(Number(good[0]) + 1)) + good.slice(1);
      await page.getByLabel('Enter the code the app shows now').fill(wrong);
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Confirm and continue' }).click()]);
      const err = page.locator('#code-err');
      check(await err.count() === 1, 'the message is beside the code field');
      check(/not right/.test(await err.innerText()), 'it says the code is not right');
    });
    await step('the right code shows ten recovery codes once, then the console', async () => {
      await page.getByLabel('Enter the code the app shows now').fill(totpCode(secret));
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Confirm and continue' }).click()]);
      recovery = await page.locator('#recovery-codes code').allInnerTexts();
      check(recovery.length === 10, `ten recovery codes (got ${recovery.length})`);
      check(recovery.every((c) => /^[A-Z2-7]{5}-[A-Z2-7]{5}$/.test(c)), 'codes look like ABCDE-FGH23');
      await screenshots(page, 'admin_totp_recovery');
      await Promise.all([page.waitForURL(/\/admin$/),
        page.getByRole('link', { name: /saved them/ }).click()]);
      check(await page.locator('h1', { hasText: 'Admin' }).count() === 1, 'the dashboard is shown');
    });
    await step('signing in again asks for the code; a code from the app signs in', async () => {
      await page.context().clearCookies();
      await passwordStep(page, email, '/signin/code');
      await screenshots(page, 'admin_totp_code');
      await enterCode(page, { secret, landing: /\/admin$/ });
      check(await page.locator('h1', { hasText: 'Admin' }).count() === 1, 'the dashboard is shown');
    });
    await step('a recovery code signs in once', async () => {
      await page.context().clearCookies();
      await passwordStep(page, email, '/signin/code');
      await page.getByLabel('Code from your authenticator app').fill(recovery[0]);
      await Promise.all([page.waitForURL(/\/admin$/),
        page.getByRole('button', { name: 'Continue' }).click()]);
    });
    await step('the demo admin signs in through the shared helper', async () => {
      const admin = await (await browser.newContext()).newPage();
      await signIn(admin, 'admin@demo.test', { landing: /\/catalog|\/admin/ });
      const resp = await admin.goto(`${base}/admin`);
      check(resp && resp.status() === 200, 'the demo admin reaches /admin');
    });
    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await finish(run);
