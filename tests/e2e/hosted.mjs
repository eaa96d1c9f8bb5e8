// Browser test: the bank's hosted card page with 3-D Secure. A demo
// shopper takes a card installment plan; the mall sends the browser to
// Harbor Bank's own page (another origin: bankd), where a European (DE)
// card is challenged with a one-time code the sandbox shows; back on the
// mall the plan is confirmed and the down payment paid; then, with the
// scheduler's clock moved to the second due date (`mallpayctl tick
// --now`, as suite.sh's stack runs no scheduler), the automatic deduction
// succeeds without any challenge (merchant-initiated). A wrong code, on
// another order, comes back as a decline with its reason in words.
// Screenshots (1280 and 390 px, no sideways scrolling): hosted-bank-card-*,
// hosted-bank-challenge-*, hosted-declined-*, hosted-schedule-*.
// Needs MALLPAY_CTL and MALLPAY_CONF (suite.sh). The last line says
// "hosted: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { base, launch, payAtBank, placeCardOrder, screenshots, signIn, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_HOSTED_EMAIL || 'shopper.veteran@demo.test';
const product = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_card:harbor-bank:6';
const EEA_CARD = '4002 7600 0000 3185';

let passed = 0;
let failed = 0;

function check(cond, what) {
  if (cond) {
    passed++;
  } else {
    failed++;
    throw new Error(`check failed: ${what}`);
  }
}

async function run() {
  const ctl = process.env.MALLPAY_CTL;
  const conf = process.env.MALLPAY_CONF;
  check(ctl && conf, 'MALLPAY_CTL and MALLPAY_CONF are set (run by suite.sh)');
  const browser = await launch();
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    watch(page, errors);
    await signIn(page, email, { landing: /\/catalog/ });

    // A wrong one-time code: declined, the reason in words on the mall.
    const bad = await placeCardOrder(page, product, plan);
    await page.locator('#card-to-bank').click();
    const b1 = await payAtBank(page, EEA_CARD, { how: 'wrong' });
    check(b1.challenged, 'the DE card is challenged');
    await page.waitForURL(new RegExp(`/orders/${bad}/card\\?cs=\\d+$`));
    check((await page.locator('#card-declined, #card-cs-declined').first().innerText()).includes('one-time code'),
      'the decline says the one-time code was wrong');
    await screenshots(page, 'hosted-declined');
    await page.goto(`${base}/orders/${bad}`);
    await Promise.all([
      page.waitForURL(/\/orders\/\d+/),
      page.locator('#cancel-order button').first().click(),
    ]).catch(() => {});

    // The EEA card with its challenge binds the card.
    const id = await placeCardOrder(page, product, plan);
    await page.locator('#card-to-bank').click();
    await page.waitForSelector('#bank-card-form');
    check((await page.locator('#bank-order').innerText()).includes(`Order #${id}`),
      'the bank page names the mall\'s order');
    check((await page.locator('#bank-amount').innerText()).includes('729.00'),
      'the bank page shows the amount');
    const b2 = await payAtBank(page, EEA_CARD, { shots: 'hosted-bank' });
    check(b2.challenged, 'the DE card is challenged (3-D Secure)');
    await page.waitForURL(new RegExp(`/orders/${id}/confirm$`));

    // The down payment, then the schedule.
    await Promise.all([
      page.waitForURL(new RegExp(`/orders/${id}/schedule\\?msg=confirmed`)),
      page.getByRole('button', { name: 'Confirm Installment and Pay Down Payment' }).click(),
    ]);
    check((await page.locator('tr[data-seq="1"] .inst-state').innerText()).trim() === 'paid',
      'the down payment (installment 1) is paid');
    const due2 = (await page.locator('tr[data-seq="2"] td[data-label="Due"]').innerText()).trim();
    check(/^\d{4}-\d{2}-\d{2}$/.test(due2), `installment 2 has a due date (${due2})`);

    // The scheduler on the due date: the deduction is merchant-initiated.
    const t = spawnSync(ctl, ['-c', conf, 'tick', '--now', `${due2}T12:00:00Z`], { encoding: 'utf8' });
    check(t.status === 0, `mallpayctl tick ran (${t.stderr})`);
    await signIn(page, email, { landing: /\/catalog/ });
    await page.goto(`${base}/orders/${id}/schedule`);
    check((await page.locator('tr[data-seq="2"] .inst-state').innerText()).trim() === 'paid',
      'installment 2 was deducted automatically, with no challenge');
    await screenshots(page, 'hosted-schedule');
    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
    console.log(`hosted: order #${id} bound with 3-D Secure, down payment and an automatic deduction paid`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  if (passed + failed === 0 || failed === 0) failed++;
  console.error(`hosted: ${err.stack || err}`);
}
console.log(`hosted: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
