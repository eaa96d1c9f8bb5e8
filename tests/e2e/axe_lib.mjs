// Browser test: axe-core checks every page a shopper, a company member and
// an admin can reach against the WCAG 2.1 A and AA rules (wcag2a, wcag2aa,
// wcag21a, wcag21aa), with zero violations allowed. The pages come from
// src/pages/routes.c's GET routes, reached as a person would: signed out
// (catalog, sign-in and registration with their errors, 404 pages, the
// static 413, 429 and 503 pages nginx serves); as a new shopper in the
// states that matter (cart, checkout with unavailable methods, a
// remittance order with its instructions and the voucher form with an
// error beside a field, a COD order, the identity form with its errors, a
// card installment order through the bank to its schedule and payoff, a
// partner installment application under review); then every page linked
// from each role's pages (up to a few of each route): the demo veteran
// shopper, the Acme company buyer, the demo admin (sign-in code, queues,
// orders, settings, reports, search, companies, plans, audit); 403 and
// 404 pages for each.
// axeWalk(lang) walks it in one language (axe.mjs English, axe_ar.mjs
// Arabic): lang is the browser's locale and Accept-Language (the demo
// accounts keep no language of their own, so the header chooses), every
// shopper and company page must come as <html lang=LANG> (dir="rtl" in
// Arabic), the admin console and nginx's static pages in English, saying
// so; the forms are filled by their fields' ids, not their (translated)
// words. Screenshots are named axe-LANG-*.png.
// Base URL: MALLPAY_TEST_URL. Screenshots in $MALLPAY_SCREENSHOT_DIR. Last
// line: "axe: N passed, N failed".
import { axeViolations, base, check, demoPassword, DESKTOP, emptyCart, launch, payAtBank, screenshots, stepper, totpCode,
  adminTotpSecret, watch } from './lib.mjs';

let lang = 'en';
const stamp = `${process.pid}-${Date.now()}`;
// A complete 1x1 PNG (the identity document's photo).
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478'
  + '9c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex');

const checked = [];	// "who: path" of every page checked
const found = [];	// every violation's line

// The language a page must come in: the admin console (English and
// Chinese only) and nginx's static pages in English, the rest in lang.
function expected(path) {
  return /^\/(admin|console)(\/|$)|^\/static\//.test(path) && lang !== 'zh-CN' ? 'en' : lang;
}

// Check the page page is on now, as name (who: what): its language and
// direction, then axe.
async function audit(page, name) {
  const path = new URL(page.url()).pathname;
  const want = expected(path);
  const { l, d } = await page.evaluate(() => ({ l: document.documentElement.lang, d: document.documentElement.dir }));
  const wantDir = want === 'ar' ? 'rtl' : 'ltr';
  if (l !== want || (d || 'ltr') !== wantDir)
    found.push(`[${lang}] ${name}: <html lang="${l}" dir="${d}">, want lang="${want}" dir="${wantDir}"`);
  found.push(...await axeViolations(page, `[${lang}] ${name}`));
  checked.push(name.endsWith(path) ? name : `${name} (${path})`);
}

// Open path on page, expecting status (200 unless given), and check it.
async function visit(page, who, path, status = 200) {
  const resp = await page.goto(`${base}${path}`);
  check(resp && resp.status() === status, `${who}: GET ${path} answers ${status} (got ${resp && resp.status()})`);
  await audit(page, `${who}: ${path}`);
}

// The route a path is an instance of: numbers and tokens as :id.
function routeOf(path) {
  return path.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/invitations\/[^/]+/, '/invitations/:token');
}

// Links not to follow: leaving the session, files, exports, partners'
// endpoints, the language switcher.
const skip = /\/signout|\.pdf$|\/pdf$|\/export\/|\/file$|\/picture$|\/document$|\/documents\/\d+$|^\/bank\/|^\/static\/|^\/healthz/;

// From start, visit every same-origin page linked from the pages visited
// (at most perRoute of each route, more of the order pages) and check each.
async function crawl(page, who, starts, perRoute = 2) {
  const seen = new Set();
  const perKey = new Map();
  const queue = [...starts];
  while (queue.length > 0 && seen.size < 90) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    const key = routeOf(path.split('?')[0]);
    const cap = /^\/(admin\/)?orders\/:id$/.test(key) ? 6 : perRoute;
    if ((perKey.get(key) || 0) >= cap) continue;
    seen.add(path);
    perKey.set(key, (perKey.get(key) || 0) + 1);
    let resp;
    try {
      resp = await page.goto(`${base}${path}`);
    } catch (err) {
      if (/Download is starting/.test(err.message)) continue;	// a file, not a page
      throw err;
    }
    if (!resp || !/text\/html/.test(resp.headers()['content-type'] || '')) continue;
    check(resp.status() < 500, `${who}: GET ${path} answers ${resp.status()}`);
    await audit(page, `${who}: ${path}`);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const h of hrefs) {
      if (!h.startsWith('/') || h.startsWith('//')) continue;
      const p = h.split('#')[0];
      if (p && !skip.test(p.split('?')[0]) && !/[?&]lang=/.test(p) && !seen.has(p)) queue.push(p);
    }
  }
}

// A context of its own in the language, with a page watched for errors.
async function newPage(browser, errors) {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: lang,
    extraHTTPHeaders: { 'Accept-Language': lang } });
  const page = await ctx.newPage();
  watch(page, errors, { requests: false, ignore: /status of 4\d\d/ });
  return page;
}

// Add product (by name) to the signed-in shopper's cart.
async function addToCart(page, product) {
  await page.goto(`${base}/catalog`);
  const card = page.locator(`li.product:has(h3:text-is("${product}"))`);
  await Promise.all([page.waitForURL(/\/cart\?msg=added/),
    card.locator('form[action="/cart/add"] button').click()]);
}

// Submit the form holding the field of id field (its submit button).
async function submit(page, field, url = null) {
  const click = page.locator(`form:has(#${field}) button[type=submit]`).last().click();
  if (url) await Promise.all([page.waitForURL(url), click]);
  else {
    await click;
    await page.waitForLoadState();
  }
}

// Sign in as email with the demo password through the form (an admin then
// through the code step); resolves once the browser has left /signin.
async function signInAs(page, email, admin = false) {
  await page.goto(`${base}/signin`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(demoPassword);
  if (!admin) return submit(page, 'password', (u) => !u.pathname.startsWith('/signin'));
  await submit(page, 'password', /\/signin\/code/);
  await audit(page, 'admin: sign-in code step');
  await page.locator('#code').fill(totpCode(adminTotpSecret));
  return submit(page, 'code', (u) => !u.pathname.startsWith('/signin'));
}

// Register a new shopper through the form; resolves once signed in.
async function registerAs(page, email, name, password) {
  await page.goto(`${base}/register`);
  await page.locator('#email').fill(email);
  await page.locator('#name').fill(name);
  await page.locator('#password').fill(password);
  await page.locator('#confirm').fill(password);
  await submit(page, 'confirm', (u) => !u.pathname.startsWith('/register'));
  check(await page.locator('form[action="/signout"]').count() > 0, `registered and signed in as ${email}`);
}

// Add a Malaysian delivery address for name in the address book.
async function addAddressOf(page, name) {
  await page.goto(`${base}/account/addresses`);
  await page.locator('#recipient').fill(name);
  await page.locator('#line1').fill('5 Jalan Kurier');
  await page.locator('#city').fill('Kuala Lumpur');
  await page.locator('#postal_code').fill('50450');
  await page.locator('#country').selectOption('MY');
  await page.locator('#phone').fill('+60 12-555 0101');
  await submit(page, 'recipient', /msg=added/);
}

// Order product to Malaysia by post office remittance; resolves to the
// order's id.
async function remittanceOrder(page, product) {
  await emptyCart(page);
  await addToCart(page, product);
  await page.goto(`${base}/checkout?country=MY`);
  await page.locator('input[name="pay"][value="remittance"]').check();
  await Promise.all([page.waitForURL(/\/orders\/\d+\/remittance$/), page.locator('#place-order').click()]);
  const id = /\/orders\/(\d+)\/remittance/.exec(page.url())[1];
  check(/^RF\d\d/.test((await page.locator('#rf-code').innerText()).trim()), 'the remittance code is shown');
  return { id };
}

// Signed out: the public pages, the forms with their errors, 404s.
async function signedOut(browser, errors) {
  const page = await newPage(browser, errors);
  await visit(page, 'anon', '/catalog');
  await visit(page, 'anon', '/signin');
  await page.locator('#email').fill('nobody@e2e.test');
  await page.locator('#password').fill('wrong-password-1');
  await submit(page, 'password');
  await audit(page, 'anon: sign-in refused');
  await visit(page, 'anon', '/register');
  await page.locator('#email').fill('not-an-email');
  await page.locator('#email').evaluate((el) => el.form.setAttribute('novalidate', ''));
  await submit(page, 'confirm');
  await audit(page, 'anon: registration with errors');
  await visit(page, 'anon', '/no-such-page', 404);
  await screenshots(page, `axe-${lang}-404`);
  await visit(page, 'anon', '/company/invitations/no-such-token', 404);
  await visit(page, 'anon', '/console/invitations/no-such-token', 404);
  for (const code of ['413', '429', '503']) await visit(page, 'anon', `/static/${code}.html`);
}

// A new shopper: cart, checkout, a remittance order and its voucher form
// with an error, a COD order, the identity forms, a card installment
// order to its schedule and payoff, a partner installment application.
async function newShopper(browser, errors) {
  const page = await newPage(browser, errors);
  await registerAs(page, `axe-${stamp}@e2e.test`, 'Ada Axe', 'axe-e2e-password');
  await addAddressOf(page, 'Ada Axe');
  await audit(page, 'shopper: addresses');
  await emptyCart(page);
  await audit(page, 'shopper: empty cart');
  await addToCart(page, 'Cyclone R5 Robot Vacuum');
  await audit(page, 'shopper: cart');
  await visit(page, 'shopper', '/checkout?country=MY');
  await screenshots(page, `axe-${lang}-checkout`);
  await visit(page, 'shopper', '/checkout?country=SA');
  const order = await remittanceOrder(page, 'Cyclone R5 Robot Vacuum');
  await audit(page, 'shopper: remittance instructions');
  await visit(page, 'shopper', `/orders/${order.id}`);
  await visit(page, 'shopper', `/orders/${order.id}/voucher`);
  await page.locator('#voucher').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('not a receipt') });
  await page.locator('#tracking').fill('EE123456789MY');
  await page.locator('#voucher-form').evaluate((f) => f.submit());
  await page.waitForSelector('#voucher-error');
  const tied = await page.locator('#voucher').evaluate((el) => el.getAttribute('aria-invalid') === 'true'
    && document.getElementById(el.getAttribute('aria-describedby') || '-')?.textContent.trim().length > 0);
  check(tied, 'the refused file is marked invalid and described by its error beside it');
  await audit(page, 'shopper: voucher refused');
  await screenshots(page, `axe-${lang}-voucher-error`);
  await page.locator('#voucher').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
  await page.locator('#tracking').fill('EE123456789MY');
  await Promise.all([page.waitForURL(/msg=uploaded/), page.locator('#voucher-submit').click()]);
  await audit(page, 'shopper: voucher uploaded');

  await addToCart(page, 'Cyclone R5 Robot Vacuum');
  await page.goto(`${base}/checkout?country=MY`);
  await page.locator('input[name="pay"][value="cod"]').check();
  await Promise.all([page.waitForURL(/\/orders\/\d+$/), page.locator('#place-order').click()]);
  await audit(page, 'shopper: COD order');

  await visit(page, 'shopper', '/account/identity');
  await submit(page, 'photo');
  await audit(page, 'shopper: identity form with errors');
  await page.locator('#legal_name').fill('Ada Axe');
  await page.locator('#birth_date').fill('1988-07-30');
  await page.locator('#id_type').selectOption('passport');
  await page.locator('#id_number').fill('AXE-12-7004');
  await page.locator('#photo').setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: png });
  await submit(page, 'photo', /msg=verified/);
  await audit(page, 'shopper: identity verified');
  await page.locator('#agree').check();
  await submit(page, 'agree', /msg=authorized/);
  await audit(page, 'shopper: credit authorized');

  await emptyCart(page);
  await addToCart(page, 'AquaPro Washing Machine 8 kg');
  await visit(page, 'shopper', '/checkout?country=MY');
  await page.locator('input[type=radio][value="installment_card:harbor-bank:6"]').check();
  await page.locator('#place-order').click();
  await page.waitForSelector('#disclosure');
  await audit(page, 'shopper: checkout with the plan disclosed');
  await Promise.all([page.waitForURL(/\/orders\/\d+\/card$/), page.locator('#place-order').click()]);
  const id = /\/orders\/(\d+)\/card/.exec(page.url())[1];
  await audit(page, 'shopper: card page');
  await page.locator('#card-to-bank').click();
  await payAtBank(page, '4111 1111 1111 1111');
  await page.waitForURL(new RegExp(`/orders/${id}/confirm$`));
  await audit(page, 'shopper: installment confirmation');
  await Promise.all([page.waitForURL(new RegExp(`/orders/${id}/schedule`)), page.locator('#confirm-button').click()]);
  await audit(page, 'shopper: schedule');
  await screenshots(page, `axe-${lang}-schedule`);
  await visit(page, 'shopper', `/orders/${id}/payoff`);

  await emptyCart(page);
  await addToCart(page, 'AquaPro Washing Machine 8 kg');
  await page.goto(`${base}/checkout?country=MY`);
  await page.locator('input[type=radio][value="installment_partner:lotus-finance:6"]').check();
  await page.locator('#place-order').click();
  await page.waitForSelector('#disclosure');
  await Promise.all([page.waitForURL(/\/orders\/\d+\/apply$/), page.locator('#place-order').click()]);
  await audit(page, 'shopper: partner application');
  await Promise.all([page.waitForURL(/\/orders\/\d+$/), page.locator('#apply-form button[type=submit]').click()]);
  await audit(page, 'shopper: application under review');
  await crawl(page, 'shopper', ['/orders', '/messages', '/account/cod', '/account/credit', '/pay-after-use']);
  await visit(page, 'shopper', '/admin', 403);
  await visit(page, 'shopper', '/orders/999999999', 404);
}

async function run(step) {
  const browser = await launch();
  const errors = [];
  try {
    await step('signed-out pages', () => signedOut(browser, errors));
    await step('a new shopper from cart to schedule', () => newShopper(browser, errors));
    await step('every page linked for the veteran shopper', async () => {
      const page = await newPage(browser, errors);
      await signInAs(page, 'shopper.veteran@demo.test');
      await crawl(page, 'veteran', ['/catalog', '/orders', '/account/cod', '/account/credit',
        '/account/identity', '/account/addresses', '/pay-after-use', '/messages']);
    });
    await step('every page linked for the company buyer', async () => {
      const page = await newPage(browser, errors);
      await signInAs(page, 'buyer@acme.demo.test');
      await crawl(page, 'company', ['/company', '/company/members', '/orders', '/catalog', '/cart']);
      await visit(page, 'company', '/admin/orders', 403);
    });
    await step('every page linked for the admin', async () => {
      const page = await newPage(browser, errors);
      await signInAs(page, 'admin@demo.test', true);
      await crawl(page, 'admin', ['/admin', '/admin/orders', '/admin/settings', '/admin/reports',
        '/admin/search?q=RF', '/admin/search?q=acme', '/admin/vouchers', '/admin/queues/cod',
        '/admin/queues/identity', '/admin/queues/qualifications', '/admin/queues/corporate',
        '/admin/companies', '/admin/companies/1/credit', '/admin/plans', '/admin/cod/users', '/admin/holidays', '/admin/fx',
        '/admin/audit', '/admin/guarantee', '/admin/reconciliation', '/admin/remittance/statements',
        '/admin/admins', '/admin/sign-in-codes'], 3);
      await page.goto(`${base}/admin/reports`);
      await screenshots(page, `axe-${lang}-reports`);
      await visit(page, 'admin', '/admin/orders/999999999', 404);
    });
    await step(`axe: zero WCAG 2.1 A/AA violations on ${checked.length} pages`, () => {
      console.log(`axe: pages checked:\n  ${checked.join('\n  ')}`);
      check(found.length === 0, `${found.length} violation(s):\n${found.join('\n')}`);
    });
    check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
  } finally {
    if (found.length > 0) console.error(`axe: found so far:\n${found.join('\n')}`);
    await browser.close();
  }
}

// Walk every page in language code (en, ar...) and report as script name.
export function axeWalk(code, name) {
  lang = code;
  const { step, finish } = stepper(name);
  finish(() => run(step));
}
