// Browser test: a mall that runs by itself. A newly registered shopper
// verifies their identity (INST-01), authorizes the credit evaluation
// (INST-02), adds a delivery address, places a partner installment order
// (Lotus Finance, 6 months) and authorizes its evaluation (INST-PC); then
// the test only waits: the scheduler process gets the finance partner's
// answer and the order page, left open, shows the decision by itself
// ("Confirm Installment and Pay Down Payment"). Nobody runs tick.
// The test suite's stack runs no scheduler (its tests tick at the times
// they choose), so with MALLPAY_CTL and MALLPAY_CONF set (suite.sh) the
// test starts `mallpayctl scheduler --every 2` for its wait and stops it
// afterwards (whatever happened); without them (a stack of ./mallpay up)
// it waits for the stack's own scheduler. The partner answers
// `[sandbox] finance_delay` seconds after submission (read from
// MALLPAY_CONF; 90 when unknown): the wait is measured and printed.
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots
// into $MALLPAY_SCREENSHOT_DIR (default ./): scheduled_review-1280.png,
// scheduled_decision-1280.png, scheduled_decision-390.png.
// Exit status 0 only when every step passed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { base, check, DESKTOP, launch, register, screenshot, screenshots, shotPath, stepper,
  watch } from './lib.mjs';

const t = stepper('scheduled_decision');
const ctl = process.env.MALLPAY_CTL;
const conf = process.env.MALLPAY_CONF;
const password = 'scheduled-e2e-password';
const product = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_partner:lotus-finance:6';
// The sandboxes (README): last digit 4 = the identity matches; the three
// digits before it, 700, are the bureau's score.
const idNumber = `SCH-${process.pid}-700-4`;
// A complete 1x1 PNG: the document's photo.
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478'
  + '9c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex');

// The finance sandbox's delay in seconds from the stack's mallpay.conf.
function financeDelay() {
  if (!conf) return 90;
  const m = /^finance_delay\s*=\s*(\d+)/m.exec(fs.readFileSync(conf, 'utf8'));
  return m ? Number(m[1]) : 90;
}

// Start `mallpayctl scheduler --every 2` (bounded by --runs, should this
// script die before stopping it), its output into
// scheduled_decision-scheduler.log in the screenshot directory.
function startScheduler() {
  const log = fs.openSync(shotPath('scheduled_decision-scheduler.log'), 'w');
  const child = spawn(ctl, ['-c', conf, 'scheduler', '--every', '2', '--runs', '150'],
    { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

// SIGTERM to the scheduler (it ends after the run in progress), SIGKILL
// if it has not ended 20 s later; resolves once it has exited.
function stopScheduler(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

async function run() {
  const browser = await launch();
  const errors = [];
  let scheduler = null;
  try {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    watch(page, errors, { requests: false });
    const email = `scheduled-${process.pid}-${Date.now()}@e2e.test`;

    await t.step('a new shopper verifies their identity and authorizes the credit evaluation', async () => {
      await register(page, email, 'Sani Schedule', password);
      await page.goto(`${base}/account/identity`);
      await page.getByLabel(/Legal name/).fill('Sani Schedule');
      await page.getByLabel(/Date of birth/).fill('1990-02-14');
      await page.getByLabel('Document', { exact: true }).selectOption('passport');
      await page.getByLabel('Document number').fill(idNumber);
      await page.getByLabel(/Photo or scan/).setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: png });
      await Promise.all([page.waitForURL(/\/account\/identity\?msg=verified/),
        page.getByRole('button', { name: 'Verify my identity' }).click()]);
      check(await page.locator('#identity-verified').count() === 1, 'the identity is verified');
      await page.getByLabel(/I have read this text/).check();
      await Promise.all([page.waitForURL(/\/account\/identity\?msg=authorized/),
        page.getByRole('button', { name: 'Authorize the credit evaluation' }).click()]);
      check((await page.locator('#credit-score').innerText()).trim() === '700', 'the bureau scored 700');
    });

    await t.step('they add a delivery address from checkout', async () => {
      await page.goto(`${base}/catalog`);
      const item = page.locator(`li.product:has(h3:text-is("${product}"))`);
      await Promise.all([page.waitForURL(/\/cart\?msg=added/),
        item.getByRole('button', { name: 'Add to cart' }).click()]);
      await page.goto(`${base}/checkout`);
      await Promise.all([page.waitForURL(/\/account\/addresses\?back=checkout/),
        page.getByRole('link', { name: 'Add a new address' }).click()]);
      await page.getByLabel('Recipient\'s full name').fill('Sani Schedule');
      await page.getByLabel('Address line 1').fill('7 Jalan Ampang');
      await page.getByLabel('City').fill('Kuala Lumpur');
      await page.getByLabel('Region, state or province').fill('Wilayah Persekutuan');
      await page.getByLabel('Postal code').fill('50450');
      await page.getByLabel('Country').selectOption('MY');
      await page.getByLabel('Phone number').fill('+60 12-555 0199');
      await Promise.all([page.waitForURL(/\/checkout\?address=\d+/),
        page.getByRole('button', { name: 'Add the address' }).click()]);
      check((await page.locator('#ship-to').innerText()).includes('7 Jalan Ampang'),
        'checkout shows where the order goes');
    });

    let id = '';
    let submitted = 0;
    await t.step('they place a Lotus Finance 6-month order and authorize its evaluation', async () => {
      const radio = page.locator(`input[type=radio][value="${plan}"]`);
      check(await radio.count() === 1, `${plan} is offered (block: ${(await page.locator(
        '#method-installment_partner-lotus-finance').innerText()).replace(/\s+/g, ' ')})`);
      await radio.check();
      await page.locator('#place-order').click();
      await page.waitForSelector('#disclosure');
      await Promise.all([page.waitForURL(/\/orders\/\d+\/apply$/), page.locator('#place-order').click()]);
      id = /\/orders\/(\d+)\/apply/.exec(page.url())[1];
      await Promise.all([page.waitForURL(new RegExp(`/orders/${id}$`)),
        page.getByRole('button', { name: 'Authorize the credit evaluation' }).click()]);
      submitted = Date.now();
      check((await page.locator('#plan-review-state').innerText()).includes('Under review'),
        'the order page shows the application under review');
      check((await page.locator('#ship-address').innerText()).includes('7 Jalan Ampang'),
        'the order keeps the delivery address');
      await screenshot(page, 'scheduled_review-1280.png');
    });

    const delay = financeDelay();
    let waited = 0;
    await t.step(`the scheduler gets the decision while the test only waits (partner delay ${delay} s)`, async () => {
      if (ctl && conf) scheduler = startScheduler();
      await page.waitForSelector('#plan-offered', { timeout: (delay + 90) * 1000 });
      waited = (Date.now() - submitted) / 1000;
      check(page.url().endsWith(`/orders/${id}`), 'the same order page, never navigated by the test');
      check(waited >= delay - 5, `not decided before the partner answered (${waited.toFixed(1)} s)`);
      check((await page.locator('#to-confirm').innerText()).includes('Confirm Installment and Pay Down Payment'),
        'the page offers "Confirm Installment and Pay Down Payment"');
      check(await page.locator('#plan-review').count() === 0, 'no longer under review');
      console.log(`scheduled_decision: order #${id} decided ${waited.toFixed(1)} s after submission`);
      await screenshots(page, 'scheduled_decision');
    });

    if (scheduler) {
      await t.step('the scheduler stops, having logged its runs', async () => {
        await stopScheduler(scheduler);
        const log = fs.readFileSync(shotPath('scheduled_decision-scheduler.log'), 'utf8');
        check(/scheduler: run 1 /.test(log), 'the scheduler logged its runs');
        check(/installments: /.test(log), 'each run reports what tick did');
      });
    }

    await t.step('no console errors', async () => {
      check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
    });
  } finally {
    if (scheduler) await stopScheduler(scheduler);
    await browser.close();
  }
}

await t.finish(run);
