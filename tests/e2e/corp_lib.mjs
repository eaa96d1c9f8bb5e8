// What the corporate browser tests share: a company member's qualification
// documents (INST-03) uploaded and submitted from the company page, an
// admin deciding them from the qualifications queue, a cart of washing
// machines ordered on a corporate installment plan, and the admin's
// decisions on the order's corporate page.
import { base, check, DESKTOP, emptyCart, signIn, watch } from './lib.mjs';

export const washer = 'AquaPro Washing Machine 8 kg';
export const admin = 'admin@demo.test';

// A page signed in as email in a context of its own at viewport,
// collecting its page and console errors into errors.
export async function signedInPage(browser, email, errors, viewport = DESKTOP) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  watch(page, errors, { requests: false });
  await signIn(page, email);
  return page;
}

// A tiny PDF, distinct per kind and run (the server types a document by its
// content: "%PDF-"), as a file for setInputFiles.
function pdfFile(kind) {
  return {
    name: `${kind}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% ${kind} ${Date.now()}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  };
}

// As a member on page m, on the company page: upload the business licence
// (expiring in a year) and the financial statements, check both are
// listed, and submit them for review.
export async function submitQualification(m) {
  const exp = new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);
  await m.getByRole('radio', { name: 'Business licence' }).check();
  await m.getByLabel('Licence expiry date (business licence only)').fill(exp);
  await m.locator('#document').setInputFiles(pdfFile('licence'));
  await Promise.all([m.waitForURL(/\/company\?msg=uploaded/), m.locator('#upload-button').click()]);
  await m.getByRole('radio', { name: 'Financial statements' }).check();
  await m.locator('#document').setInputFiles(pdfFile('statements'));
  await Promise.all([m.waitForURL(/\/company\?msg=uploaded/), m.locator('#upload-button').click()]);
  check(await m.locator('#documents li').count() === 2, 'both documents are listed');
  await Promise.all([m.waitForURL(/\/company\?msg=submitted/), m.locator('#submit-button').click()]);
}

// As the admin on page a: open company's latest submission from the
// qualifications queue, read a document through the authorizing handler,
// start the review when it has not started, approve; the company is
// verified.
export async function approveQualification(a, company) {
  await a.goto(`${base}/admin/queues/qualifications`);
  const row = a.locator('tr.queue-row', { hasText: company });
  check(await row.count() >= 1, `the queue lists ${company}`);
  await Promise.all([a.waitForURL(/\/qualification/), row.first().locator('a').first().click()]);
  const href = await a.locator('#qual-documents a').first().getAttribute('href');
  const doc = await a.request.get(`${base}${href}`);
  check(doc.status() === 200 && (await doc.body()).subarray(0, 5).toString() === '%PDF-',
    'the admin reads the document through the authorizing handler');
  if (await a.locator('#start-button').count() === 1)
    await Promise.all([a.waitForURL(/msg=done/), a.locator('#start-button').click()]);
  await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
  check((await a.locator('#qual-status').getAttribute('data-status')) === 'verified', 'verified');
}

// Empty the signed-in member's cart on page m, add count washing machines
// from the catalog and open the checkout to Malaysia.
export async function washersToCheckout(m, count) {
  await emptyCart(m);
  const card = m.locator(`li.product:has(h3:text-is("${washer}"))`);
  for (let i = 0; i < count; i++) {
    await m.goto(`${base}/catalog`);
    check(await card.count() === 1, `the catalog lists ${washer}`);
    await Promise.all([m.waitForURL(/\/cart\?msg=added/),
      card.getByRole('button', { name: 'Add to cart' }).click()]);
  }
  await m.goto(`${base}/checkout?country=MY`);
}

// On the checkout on page m, place the order with corporate installment
// plan (e.g. 'installment_corporate:mallpay-corporate:6'), through the
// plan's terms when checkout shows them first; returns the order's id (the
// page is its corporate page).
export async function placeCorporate(m, plan) {
  await m.locator(`input[value="${plan}"]`).check();
  await Promise.all([m.waitForLoadState('load'), m.locator('#place-order').click()]);
  if (!/\/corporate/.test(m.url()))
    await Promise.all([m.waitForURL(/\/orders\/\d+\/corporate/), m.locator('#place-order').click()]);
  return /\/orders\/(\d+)\/corporate/.exec(m.url())[1];
}

// As the admin on page a: approve order's corporate installment application.
export async function approveApplication(a, order) {
  await a.goto(`${base}/admin/orders/${order}/corporate`);
  await Promise.all([a.waitForURL(/msg=done/), a.locator('#approve-button').click()]);
}

// As the admin on page a: record the down payment of order's signed
// agreement, received by bank transfer with reference ref.
export async function recordDownPayment(a, order, ref) {
  await a.goto(`${base}/admin/orders/${order}/corporate`);
  await a.getByLabel('Bank transfer reference').fill(ref);
  await Promise.all([a.waitForURL(/msg=done/), a.locator('#down-button').click()]);
}
