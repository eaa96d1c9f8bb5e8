// What every browser test shares: the stack's base URL, the screenshot
// directory, Debian's chromium launched headless (playwright-core), the
// sign-in form, screenshots at desktop and phone widths, and the page
// errors a test must not see.
// Env: MALLPAY_TEST_URL (default http://127.0.0.1:8080),
// MALLPAY_SCREENSHOT_DIR (default ./), MALLPAY_E2E_PASSWORD (the demo
// accounts' password, default mallpay-demo), MALLPAY_E2E_TOTP_SECRET (the
// admins' TOTP secret, default the demo admin's).
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';

export const base = (process.env.MALLPAY_TEST_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const shotDir = process.env.MALLPAY_SCREENSHOT_DIR || './';
export const demoPassword = process.env.MALLPAY_E2E_PASSWORD || 'mallpay-demo';

// The widths every page is shot at: a desktop and a phone.
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

// Throw (failing the test) unless cond holds.
export function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

// A test run as named steps, for the closing line "NAME: N passed, N
// failed". step(title, fn) runs fn and counts it: "ok: title", or the
// failure logged and thrown again (a failed step ends the test).
// finish(run) awaits run(), counts an error thrown outside any step as
// one failure, prints the closing line and exits 0 only when none failed.
export function stepper(name) {
  let passed = 0;
  let failed = 0;
  return {
    async step(title, fn) {
      try {
        await fn();
        passed++;
        console.log(`ok: ${title}`);
      } catch (err) {
        failed++;
        console.error(`FAILED: ${title}: ${err.stack || err}`);
        throw err;
      }
    },
    async finish(run) {
      try {
        await run();
      } catch (err) {
        if (failed === 0) {
          failed++;
          console.error(`${name}: ${err.stack || err}`);
        }
      }
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

// Debian's chromium, headless, without a sandbox (the tests run as root in
// CI) and without talking to anything but the stack.
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// Collect into errors what a page must not show: uncaught exceptions;
// unless console is false, console errors (but those matching ignore, a
// RegExp, e.g. a deliberate 422); unless requests is false, requests that
// failed. A request cut short by the next navigation (net::ERR_ABORTED) is
// not a failure of the site unless aborted is set.
export function watch(page, errors,
  { console = true, ignore = null, requests = true, aborted = false } = {}) {
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  if (console) {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(ignore && ignore.test(msg.text())))
        errors.push(`${page.url()}: ${msg.text()}`);
    });
  }
  if (!requests) return;
  page.on('requestfailed', (req) => {
    if (!aborted && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
}

// The TOTP secret (base32) the fixtures give the demo admin (mallpayctl
// seed-demo) and the admins the tests create (create-admin --totp-secret).
export const adminTotpSecret = process.env.MALLPAY_E2E_TOTP_SECRET || 'MALLPAYDEMOADMINTOTPSECRETKEY234';

// The RFC 6238 code (HMAC-SHA-1, 30-second steps, 6 digits) of a base32
// secret at unix time t (seconds, default now).
export function totpCode(secretB32, t = Date.now() / 1000) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secretB32.replace(/[\s=]/g, '').toUpperCase()]
    .map((ch) => alphabet.indexOf(ch).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(t / 30)));
  const h = crypto.createHmac('sha1', key).update(counter).digest();
  const at = h[h.length - 1] & 15;
  return String((h.readUInt32BE(at) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// On an admin's code step (/signin/code): enter the code of secret now and
// continue; resolves once the browser has left /signin (or reached
// landing, a RegExp, when given).
export async function enterCode(page, { secret = adminTotpSecret, landing = null } = {}) {
  await page.getByLabel('Code from your authenticator app').fill(totpCode(secret));
  await Promise.all([
    page.waitForURL(landing || ((u) => !u.pathname.startsWith('/signin'))),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
}

// Sign in through the form as a person would, with the demo accounts'
// password unless another is given (an admin then through the code step,
// with the fixtures' secret); resolves once the browser has left /signin
// (or reached landing, a RegExp, when given).
export async function signIn(page, email, { password = demoPassword, landing = null } = {}) {
  const resp = await page.goto(`${base}/signin`);
  check(resp && resp.status() === 200, 'GET /signin answers 200');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/signin/code' ||
      (landing ? landing.test(u.href) : !u.pathname.startsWith('/signin'))),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  if (new URL(page.url()).pathname === '/signin/code') await enterCode(page, { landing });
}

// Register a new shopper through the form and leave them signed in.
export async function register(page, email, name, password) {
  const resp = await page.goto(`${base}/register`);
  check(resp && resp.status() === 200, 'GET /register answers 200');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/register')),
    page.getByRole('button', { name: /register|create/i }).click()]);
  if ((await page.locator('form[action="/signout"]').count()) === 0)
    await signIn(page, email, { password });
}

// Remove everything from the signed-in shopper's cart.
export async function emptyCart(page) {
  await page.goto(`${base}/cart`);
  for (let i = 0; i < 50; i++) {
    const remove = page.locator('form[action="/cart/remove"] button').first();
    if (await remove.count() === 0) break;
    await Promise.all([page.waitForURL(/\/cart/), remove.click()]);
  }
}

// The path of screenshot name in the screenshot directory (created).
export function shotPath(name) {
  fs.mkdirSync(shotDir, { recursive: true });
  return path.join(shotDir, name);
}

// A full-page screenshot of page as name; returns its path.
export async function screenshot(page, name) {
  const file = shotPath(name);
  await page.screenshot({ path: file, fullPage: true });
  check(fs.statSync(file).size > 0, `screenshot ${file} written`);
  return file;
}

// How wide the page in page is, in px (document.scrollWidth): no wider
// than the viewport when it does not scroll sideways.
export function scrollWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

// Full-page screenshots of page at the desktop and the phone width, as
// STEM-1280.png and STEM-390.png; at the phone width the page must not
// scroll sideways (unless noScroll is false). The width measured at each
// viewport is kept in widths, when given, as widths['STEM-1280'] and
// widths['STEM-390']. The viewport is the desktop's afterwards. Returns
// the two paths.
export async function screenshots(page, stem, { noScroll = true, widths = null } = {}) {
  const files = [];
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    const sw = await scrollWidth(page);
    if (widths) widths[`${stem}-${size.width}`] = sw;
    if (noScroll && size === PHONE) {
      check(sw <= size.width,
        `${stem}: no horizontal scrolling at ${size.width} px (page is ${sw} px wide)`);
    }
    files.push(await screenshot(page, `${stem}-${size.width}.png`));
  }
  await page.setViewportSize(DESKTOP);
  return files;
}

// The bank's hosted card page (its own origin, MALLPAY_BANK_URL): the
// browser is on it (the mall's button sent it there). Type the card,
// answer the 3-D Secure challenge if one comes (with the code the sandbox
// shows; how 'wrong' types a wrong one, 'cancel' gives up), and wait until
// the browser is back on the mall. shots: a stem for screenshots of the
// bank's pages at 1280 and 390 px (STEM-card-*, STEM-challenge-*). Returns
// { challenged }.
export async function payAtBank(page, pan, { how = 'pass', expiry = '12/39', cvv = '123', shots = null } = {}) {
  await page.waitForSelector('#bank-card-form');
  check(!page.url().startsWith(`${base}/`), `the card is typed on the bank's origin, not the mall's (${page.url()})`);
  await page.locator('#card_number').fill(pan);
  await page.locator('#expiry').fill(expiry);
  await page.locator('#cvv').fill(cvv);
  if (shots) await screenshots(page, `${shots}-card`);
  const back = (u) => u.href.startsWith(`${base}/`);
  await page.locator('#bank-pay').click();
  await Promise.race([page.waitForSelector('#bank-challenge-form'), page.waitForURL(back)]);
  if (back(new URL(page.url()))) return { challenged: false };
  const code = (await page.locator('#bank-code').innerText()).trim();
  check(/^\d{6}$/.test(code), `the sandbox shows the one-time code (${code})`);
  if (shots) await screenshots(page, `${shots}-challenge`);
  if (how === 'cancel') {
    await Promise.all([page.waitForURL(back), page.locator('#bank-cancel').click()]);
  } else {
    await page.locator('#code').fill(how === 'wrong' ? '000000' : code);
    await Promise.all([page.waitForURL(back), page.locator('#bank-verify').click()]);
  }
  return { challenged: true };
}

// As the signed-in shopper on page: place an order of product (by its
// name) to Malaysia paid by post office remittance; resolves to the
// order's id and its remittance code (RF...), read on the order's
// remittance page.
export async function placeRemittanceOrder(page, product) {
  await emptyCart(page);
  await page.goto(`${base}/catalog`);
  const card = page.locator(`li.product:has(h3:text-is("${product}"))`);
  await Promise.all([page.waitForURL(/\/cart\?msg=added/),
    card.getByRole('button', { name: 'Add to cart' }).click()]);
  await page.goto(`${base}/checkout?country=MY`);
  await page.getByLabel('Pay with Post office remittance').check();
  await Promise.all([page.waitForURL(/\/orders\/\d+\/remittance$/),
    page.getByRole('button', { name: 'Place order' }).click()]);
  const id = /\/orders\/(\d+)\/remittance/.exec(page.url())[1];
  const code = (await page.locator('#rf-code').innerText()).trim();
  check(/^RF\d\d/.test(code), `the remittance code is shown (${code})`);
  return { id, code };
}

// Place a card-installment order of one product (its catalog name) on
// plan (the checkout's radio value) to Malaysia, through the disclosure;
// lands on the order's card page and resolves to the order's id.
export async function placeCardOrder(page, product, plan) {
  await emptyCart(page);
  await page.goto(`${base}/catalog`);
  const item = page.locator(`li.product:has(h3:text-is("${product}"))`);
  await Promise.all([
    page.waitForURL(/\/cart\?msg=added/),
    item.getByRole('button', { name: 'Add to cart' }).click(),
  ]);
  await page.goto(`${base}/checkout?country=MY`);
  await page.locator(`input[type=radio][value="${plan}"]`).check();
  await page.locator('#place-order').click();
  await page.waitForSelector('#disclosure');
  await Promise.all([
    page.waitForURL(/\/orders\/\d+\/card$/),
    page.locator('#place-order').click(),
  ]);
  return /\/orders\/(\d+)\/card/.exec(page.url())[1];
}

// axe-core (npm), read by path from node_modules and evaluated in pages
// (through the debugging protocol: the pages' CSP allows no inline script).
const axeSource = new URL('./node_modules/axe-core/axe.min.js', import.meta.url).pathname;
let axeScript = null;
// The WCAG 2.1 A and AA rules every page must pass.
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The WCAG 2.1 A/AA violations axe-core finds on the page now, one line
// each: "NAME: RULE (IMPACT) TARGET: WHAT" (a rule's every failing node).
export async function axeViolations(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === 'object')))
    await page.evaluate(axeScript ??= fs.readFileSync(axeSource, 'utf8'));
  const violations = await page.evaluate((tags) =>
    window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) }))),
  WCAG_TAGS);
  const lines = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      lines.push(`${name} (${page.url()}): ${v.id} (${v.impact}) ${n.target}: ${v.help}` +
        ` [${(n.summary || '').replace(/\s+/g, ' ').trim()}]`);
    }
  }
  return lines;
}

// Fail (throw) listing each WCAG 2.1 A/AA violation axe-core finds on
// page, named name in the message: rule id, target, page.
export async function axeCheck(page, name) {
  const lines = await axeViolations(page, name);
  check(lines.length === 0, `axe: ${lines.length} violation(s):\n${lines.join('\n')}`);
}
