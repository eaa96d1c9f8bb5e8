// Browser test of the back office's review of a remittance voucher sent as
// a PDF. A demo shopper places a post office remittance order, reads its
// remittance code and uploads a 2-page PDF voucher. The admin signs in
// with the password and then the authenticator app's code (TOTP), finds
// the order by its remittance code in the dashboard's search box, exports
// the voucher queue as CSV (the order is in it), sees the voucher's
// thumbnail in the queue, opens the voucher and reads both pages as
// pictures drawn from the PDF (fit to the width, each linking to its full
// size, a zoom in place without script); the original is offered only as
// a download (Content-Disposition: attachment). Screenshots at 1280 and
// 390 px: doc-review-1280.png, doc-review-390.png, and
// doc-review-zoom-1280.png.
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080).
import fs from 'node:fs';
import { base, demoPassword, enterCode, launch, placeRemittanceOrder, screenshot, screenshots, signIn, stepper, watch, check } from './lib.mjs';

const email = process.env.MALLPAY_E2E_REMITTANCE_EMAIL || 'shopper.new@demo.test';
const adminEmail = 'admin@demo.test';
const product = 'Cyclone R5 Robot Vacuum';

// A 2-page A4 PDF voucher with some text on each page, unique per run.
function voucherPdf() {
  const pages = [
    ['Post office remittance voucher', `Receipt ${Date.now()}`, 'Amount: USD 459.00'],
    ['Page 2: counter stamp', 'Paid in cash at the counter', 'Clerk: 0042'],
  ];
  let objs = '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [10 0 R 12 0 R] /Count 2 >> endobj\n' +
    '3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n';
  pages.forEach((lines, i) => {
    const text = lines.map((l, j) => `BT /F1 ${j === 0 ? 28 : 20} Tf 60 ${760 - j * 48} Td (${l}) Tj ET`).join('\n') +
      '\n0.2 0.3 0.6 RG 4 w 50 600 495 200 re S';
    objs += `${10 + 2 * i} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${11 + 2 * i} 0 R >> endobj\n` +
      `${11 + 2 * i} 0 obj << /Length ${text.length} >> stream\n${text}\nendstream endobj\n`;
  });
  return Buffer.from(`%PDF-1.4\n${objs}trailer << /Root 1 0 R >>\n%%EOF\n`);
}

const t = stepper('doc_review');
t.finish(async () => {
  const browser = await launch();
  const errors = [];
  try {
    const shopper = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await shopper.newPage();
    watch(page, errors, { requests: false });
    let id;
    let code = '';
    await t.step('the shopper places a remittance order and uploads a PDF voucher', async () => {
      await signIn(page, email);
      ({ id, code } = await placeRemittanceOrder(page, product));
      await page.goto(`${base}/orders/${id}/voucher`);
      await page.setInputFiles('#voucher', { name: 'voucher.pdf', mimeType: 'application/pdf', buffer: voucherPdf() });
      await page.getByLabel('Post office tracking number').fill(`PO-DOC-${Date.now()}`);
      await Promise.all([page.waitForURL(new RegExp(`/orders/${id}/voucher\\?msg=uploaded$`), { timeout: 60000 }),
        page.getByRole('button', { name: 'Upload Remittance Voucher' }).click()]);
    });

    const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const admin = await adminCtx.newPage();
    watch(admin, errors, { requests: false });
    await t.step('the admin signs in with the password, then the app\'s code', async () => {
      await admin.goto(`${base}/signin`);
      await admin.getByLabel('Email').fill(adminEmail);
      await admin.getByLabel('Password').fill(demoPassword);
      await Promise.all([admin.waitForURL(/\/signin\/code/),
        admin.getByRole('button', { name: 'Sign in' }).click()]);
      check(await admin.locator('a[href="/admin"]').count() === 0,
        'the password alone opens nothing: the code step asks for the code');
      await enterCode(admin);
      const dash = await admin.goto(`${base}/admin`);
      check(dash.status() === 200, 'with the code the console opens');
    });
    await t.step('the admin finds the order by its remittance code', async () => {
      const typed = code.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim().toLowerCase();
      await admin.getByLabel(/Search orders, queues and the audit trail/).fill(typed);
      await Promise.all([admin.waitForURL(/\/admin\/search\?q=/),
        admin.getByRole('button', { name: 'Search' }).click()]);
      check((await admin.locator('#search-kind').innerText()).includes('remittance code'),
        'the search is recognised as a remittance code');
      check(await admin.locator(`tr.search-order[data-id="${id}"]`).count() === 1,
        `the order #${id} is found`);
    });
    await t.step('the admin exports the voucher queue, the order in it', async () => {
      await admin.goto(`${base}/admin/vouchers`);
      const [download] = await Promise.all([admin.waitForEvent('download'),
        admin.locator('#queue-export').click()]);
      const text = fs.readFileSync(await download.path(), 'utf8');
      const records = text.split('\r\n').slice(1).filter((l) => l.length > 0);
      check(records.some((l) => l.split(',').includes(id) || l.split(',').includes(`#${id}`)),
        `the CSV has a record of order #${id} (${records.length} records)`);
    });
    await t.step('the voucher queue shows the voucher\'s thumbnail', async () => {
      await admin.goto(`${base}/admin/vouchers`);
      const row = admin.locator('tr.queue-row', { has: admin.locator(`a[href="/admin/orders/${id}/voucher"]`) });
      check(await row.count() === 1, `the queue lists order #${id}`);
      const thumb = row.locator('img.queue-thumb');
      await thumb.scrollIntoViewIfNeeded();
      await admin.waitForFunction((e) => e.complete && e.naturalWidth > 0, await thumb.elementHandle());
      check(await thumb.evaluate((e) => e.naturalWidth <= 240 && e.naturalWidth > 100),
        'the thumbnail is a small picture of the first page');
    });
    await t.step('the admin reads both pages inline, fit to the width', async () => {
      await admin.goto(`${base}/admin/orders/${id}/voucher`);
      for (const n of [1, 2]) {
        const img = admin.locator(`#voucher-page-${n}`);
        await img.scrollIntoViewIfNeeded();
        await admin.waitForFunction((e) => e.complete && e.naturalWidth > 0, await img.elementHandle());
        check(await img.evaluate((e) => e.naturalWidth === 1240 && e.naturalHeight === 1754),
          `page ${n} is drawn at 150 dpi (1240 x 1754)`);
        const box = await img.boundingBox();
        check(box.width <= 1280, `page ${n} fits the width (${box.width} px)`);
      }
      check(await admin.locator('iframe').count() === 0, 'no frame of the original');
      check((await admin.locator('#voucher-pictures figcaption').first().innerText()).includes('Page 1 of 2'),
        'the caption counts the pages');
      await screenshots(admin, 'doc-review');
    });
    await t.step('zoom in place, full size, and the original only as a download', async () => {
      await admin.setViewportSize({ width: 1280, height: 900 });
      const zoom = admin.locator('details.doc-zoom').first();
      await zoom.locator('summary').click();
      const big = zoom.locator('img');
      await admin.waitForFunction((e) => e.complete && e.naturalWidth > 0, await big.elementHandle());
      const bb = await big.boundingBox();
      check(bb.width === 1240, `the zoomed page is at full size (${bb.width} px)`);
      await screenshot(admin, 'doc-review-zoom-1280.png');
      const full = await admin.locator('#voucher-page-1').evaluate((e) => e.parentElement.getAttribute('href'));
      const pic = await admin.request.get(`${base}${full}`);
      check(pic.status() === 200 && pic.headers()['content-type'] === 'image/jpeg', 'the full-size picture is a JPEG');
      check(pic.headers()['cache-control'] === 'private, no-store', 'pictures are never cached');
      const href = await admin.locator('#voucher-download').getAttribute('href');
      const orig = await admin.request.get(`${base}${href}`);
      check(orig.status() === 200 && (await orig.body()).subarray(0, 5).toString() === '%PDF-', 'the original is the PDF');
      check(/^attachment; filename="voucher-order-\d+\.pdf"$/.test(orig.headers()['content-disposition']),
        `the original is an attachment (${orig.headers()['content-disposition']})`);
    });
    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
});
