// Browser test: a demo shopper pays an order by post office
// remittance from the instructions to "Paid": places the order, reads the
// printable instructions (REM-P1/P2/P4/P6), uploads a voucher with the
// progress bar (REM-P3, REM-P9), and an admin records the amount received
// in the voucher queue (REM-P5); the shopper's order is paid and ready to
// ship. Headless Debian chromium (playwright-core).
// Base URL: MALLPAY_TEST_URL (default http://127.0.0.1:8080). Screenshots
// into MALLPAY_SCREENSHOT_DIR: remittance-instructions.png,
// remittance-print.png, remittance-upload.png, remittance-uploaded.png,
// remittance-admin.png, remittance-paid.png.
import zlib from 'node:zlib';
import { base, emptyCart, launch, shotDir, shotPath, signIn, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_REMITTANCE_EMAIL || 'shopper.new@demo.test';
const adminEmail = 'admin@demo.test';
const product = 'Cyclone R5 Robot Vacuum';

let passed = 0;
let failed = 0;
function check(cond, what) {
  if (cond) { passed++; return; }
  failed++;
  throw new Error(`check failed: ${what}`);
}

// A real PNG (a 400x300 photo-like gradient, uncompressed-ish so that the
// upload takes long enough for the progress bar to move).
function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w, h) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = (x * 7 + y) & 0xff; raw[o + 1] = (y * 5 + x * 3) & 0xff;
      raw[o + 2] = ((x ^ y) * 13 + Date.now()) & 0xff;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0))]);
}

async function run() {
  const browser = await launch();
  const errors = [];
  const shot = shotPath;
  try {
    const shopper = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await shopper.newPage();
    watch(page, errors, { requests: false });
    await signIn(page, email);

    // One robot vacuum (USD 459.00) in an otherwise empty cart.
    await emptyCart(page);
    await page.goto(`${base}/catalog`);
    const card = page.locator(`li.product:has(h3:text-is("${product}"))`);
    check(await card.count() === 1, `the catalog lists ${product}`);
    await Promise.all([
      page.waitForURL(/\/cart\?msg=added/),
      card.getByRole('button', { name: 'Add to cart' }).click(),
    ]);

    // Checkout to Malaysia, standard shipping, post office remittance.
    await page.goto(`${base}/checkout?country=MY`);
    check(await page.locator('#shipping').count() === 1, 'checkout offers expedited shipping (REM-03)');
    await page.getByLabel('Pay with Post office remittance').check();
    await Promise.all([
      page.waitForURL(/\/orders\/\d+\/remittance$/),
      page.getByRole('button', { name: 'Place order' }).click(),
    ]);
    const id = /\/orders\/(\d+)\/remittance/.exec(page.url())[1];

    // The instructions (REM-P1, P2, P4, P6), printable.
    check((await page.locator('#order-status').innerText()).trim() === 'Awaiting remittance',
      'the order awaits the remittance');
    const code = (await page.locator('#rf-code').innerText()).trim();
    check(/^RF\d\d/.test(code), `the remittance code is shown (${code})`);
    check((await page.locator('#payee-name').innerText()).length > 0, 'the payee account name is shown');
    check((await page.locator('#payee-postal').innerText()).length > 0, 'the postal code is shown');
    check((await page.locator('#remit-amount').innerText()).includes('USD 459.00'), 'amount and currency');
    check((await page.locator('#remit-remarks').innerText()).includes(`#${id}`), 'order number for the remarks');
    check((await page.locator('#remit-fee').innerText()).includes('REM-P2'), 'the post office fee note');
    check((await page.locator('#remit-deadline').innerText()).includes('REM-P6'), 'the 30-day deadline');
    check((await page.locator('#remit-window').innerText()).includes('7-15 business days'),
      'the cross-border arrival window (REM-P4)');
    check(await page.locator('#print-instructions').isVisible(), 'the print button (script from static/)');
    await page.screenshot({ path: shot('remittance-instructions.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    check(!(await page.locator('.site-header').isVisible()), 'print layout hides the site header');
    check(!(await page.locator('#print-instructions').isVisible()), 'print layout hides the buttons');
    await page.screenshot({ path: shot('remittance-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // "Upload Remittance Voucher" with the progress bar (REM-P3).
    await Promise.all([
      page.waitForURL(new RegExp(`/orders/${id}/voucher$`)),
      page.getByRole('link', { name: 'Upload Remittance Voucher' }).click(),
    ]);
    const image = png(1200, 900);
    check(image.length > 2 * 1024 * 1024 && image.length < 10 * 1024 * 1024,
      `the voucher photo is ${image.length} bytes, under 10 MB`);
    await page.setInputFiles('#voucher', { name: 'receipt.png', mimeType: 'image/png', buffer: image });
    check((await page.locator('#amount').inputValue()) === '459.00', 'the amount is prefilled');
    await page.getByLabel('Post office tracking number').fill(`PO-E2E-${Date.now()}`);
    // A slow uplink so the bar is seen moving.
    const cdp = await shopper.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024,
    });
    const seen = [];
    const done = page.waitForURL(new RegExp(`/orders/${id}/voucher\\?msg=uploaded$`), { timeout: 60000 });
    await page.getByRole('button', { name: 'Upload Remittance Voucher' }).click();
    await page.locator('#upload-progress').waitFor({ state: 'visible', timeout: 10000 });
    for (let i = 0; i < 40; i++) {
      const v = await page.locator('#upload-bar').evaluate((e) => e.value).catch(() => null);
      if (v === null) break;
      seen.push(v);
      if (i === 3) await page.screenshot({ path: shot('remittance-upload.png'), fullPage: true }).catch(() => {});
      if (v >= 100) break;
      await page.waitForTimeout(100);
    }
    await done;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
    });
    check(seen.some((v) => v > 0 && v < 100), `the progress bar moved (${seen.join(',')})`);
    check(await page.locator('#voucher-notice').isVisible(), 'the upload is confirmed');
    check((await page.locator('#voucher-verifying').innerText()).includes('7-15 business days'),
      'awaiting verification with the expected window (REM-P4)');
    check((await page.locator('.expected-window').first().innerText()).length > 0,
      'the expected arrival dates are shown');
    await page.screenshot({ path: shot('remittance-uploaded.png'), fullPage: true });

    // The admin: the queue, the voucher beside the expected amount, receipt.
    const adminCtx = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const admin = await adminCtx.newPage();
    watch(admin, errors, { requests: false });
    await signIn(admin, adminEmail);
    await admin.goto(`${base}/admin`);
    check(await admin.locator('a[href="/admin/vouchers"]').count() >= 1,
      'the dashboard links the voucher queue');
    await admin.goto(`${base}/admin/vouchers`);
    const link = admin.locator(`a[href="/admin/orders/${id}/voucher"]`).first();
    check(await link.count() === 1, `the queue lists order #${id}`);
    await Promise.all([
      admin.waitForURL(new RegExp(`/admin/orders/${id}/voucher$`)),
      link.click(),
    ]);
    check((await admin.locator('#expected-amount').innerText()).includes('USD 459.00'),
      'the expected amount beside the shopper\'s');
    check((await admin.locator('#shopper-amount').innerText()).includes('USD 459.00'),
      'the shopper\'s remitted amount');
    const img = admin.locator('#voucher-page-1');
    await img.waitFor({ state: 'visible' });
    await admin.waitForFunction((e) => e.complete && e.naturalWidth > 0, await img.elementHandle());
    check(await img.evaluate((e) => e.naturalWidth === 1200),
      'the picture drawn from the voucher is shown through the authorizing handler');
    await admin.screenshot({ path: shot('remittance-admin.png'), fullPage: true });
    await admin.getByLabel(/Amount received on the account/).fill('459.00');
    await admin.getByRole('button', { name: 'Record amount received' }).click();
    await admin.locator('#decide-notice').waitFor();
    check((await admin.locator('#decide-notice').innerText()).includes('is paid'), 'recorded: paid');

    // The shopper's order: paid, ready to ship; the message.
    await page.goto(`${base}/orders/${id}`);
    const status = (await page.locator('#order-status').innerText()).trim();
    check(status === 'Pending shipment', `the order is paid and ready to ship (${status})`);
    check(await page.locator('#timeline li', { hasText: 'Paid' }).count() >= 1, 'the timeline shows "Paid"');
    await page.screenshot({ path: shot('remittance-paid.png'), fullPage: true });
    // Messages, newest first (a tick run "in the future" by another test
    // may have put later-dated ones on top): look through a few pages.
    let told = false;
    for (let p = 1; p <= 10 && !told; p++) {
      await page.goto(`${base}/messages?page=${p}`);
      told = (await page.content()).includes(`Order #${id} is paid`);
    }
    check(told, 'the shopper is told (Messages)');

    check(errors.length === 0, `no console errors, got: ${errors.join(' | ')}`);
    console.log(`remittance: order #${id} paid; screenshots in ${shotDir}`);
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (err) {
  console.error(`remittance: ${err.stack || err}`);
  // Anything but a failed check (a timeout, a missing element) fails too.
  if (!String(err && err.message).startsWith('check failed')) failed++;
}
console.log(`remittance: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
