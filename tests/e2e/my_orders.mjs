// Browser test of My Orders and receipts, in headless Debian chromium
// (playwright-core): a new shopper's cash on delivery order is approved,
// shipped with a named courier and paid to the courier (the logistics
// partner's signed events); the shopper finds it on My Orders by a word of
// the product's name and by the filters (a plain GET form), reads the
// courier's contact under "Logistics details", and opens the receipt of
// the payment: its print view (print stylesheet: the site's header hidden
// on paper) and its PDF. Screenshots at 1280 and 390 px.
// Env: MALLPAY_TEST_URL, MALLPAY_CTL, MALLPAY_CONF, MALLPAY_SCREENSHOT_DIR.
// Last line: "my_orders: N passed, N failed".
import { base, check, launch, register, screenshots, signIn, stepper, watch } from './lib.mjs';
import { addAddress, approve, partnerEvent, placeCod } from './cod_lib.mjs';

const { step, finish } = stepper('my_orders');

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watch(page, errors);
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, 'admin@demo.test');
    const email = `myorders-e2e-${process.pid}-${Date.now()}@test.invalid`;
    let id;
    await step('a COD order approved, shipped with a named courier and paid', async () => {
      await register(page, email, 'Mona Orders', 'mallpay-demo-myorders-e2e');
      await addAddress(page, 'Mona Orders');
      id = await placeCod(page);
      await approve(admin, id);
      await partnerEvent('shipped', id, { carrier: 'Demo Express', tracking: `DXM${id}`,
        courier_name: 'Aina Rahman', courier_phone: '+60 3-2142 8800' });
      await partnerEvent('paid', id, { amount: '477.36', method: 'cash', record_id: `PR-MO-${id}` });
    });
    await step('My Orders: search by product name, filters by status and method', async () => {
      await page.goto(`${base}/orders`);
      await page.getByLabel('Order number or product').fill('Robot Vacuum');
      await page.getByLabel('Status').selectOption({ label: 'Completed' });
      await page.getByLabel('Payment method').selectOption('cod');
      await Promise.all([page.waitForURL(/\/orders\?q=Robot\+Vacuum&status=completed&method=cod/),
        page.locator('#orders-search-go').click()]);
      const row = page.locator(`tr.order-row[data-order-id="${id}"]`);
      check(await row.count() === 1, 'the search finds the order');
      check((await row.locator('.product-names').innerText()).includes('Cyclone R5 Robot Vacuum'),
        'the row names the product');
      check(await row.locator('img.thumb').evaluate((i) => i.complete && i.naturalWidth > 0),
        'the thumbnail loaded');
      check((await row.locator('.order-state').innerText()).trim() === 'Completed', 'the status in words');
      check(await page.getByLabel('Status').inputValue() === 'completed', 'the filter stays chosen');
      await screenshots(page, 'my-orders');
      await page.goto(`${base}/orders?q=${encodeURIComponent('no such product at all')}`);
      check(await page.locator('#orders-none-found').count() === 1, 'nothing found says so');
    });
    await step('the courier\'s contact under "Logistics details"', async () => {
      await page.goto(`${base}/orders/${id}`);
      check((await page.locator('#courier-name').innerText()).trim() === 'Aina Rahman', 'the courier named');
      check(await page.locator('#courier-phone').getAttribute('href') === 'tel:+60321428800', 'a phone link');
    });
    await step('the receipt: print view, print stylesheet and PDF', async () => {
      await Promise.all([page.waitForURL(/\/receipts$/), page.locator('#order-receipts').click()]);
      const rows = page.locator('tr.receipt-row');
      check(await rows.count() === 1, 'one receipt for the one payment');
      check((await rows.first().locator('.receipt-amount').innerText()).trim() === 'USD 477.36',
        'the amount paid to the courier');
      await Promise.all([page.waitForURL(/\/receipts\/\d+$/), rows.first().getByRole('link', { name: 'Print' }).click()]);
      check((await page.locator('#receipt-amount').innerText()).trim() === 'USD 477.36', 'the print view\'s amount');
      check((await page.locator('#receipt-ref').innerText()).trim() === `PR-MO-${id}`, 'the courier\'s record');
      await screenshots(page, 'receipt');
      await page.emulateMedia({ media: 'print' });
      check(!(await page.locator('.site-header').first().isVisible()), 'no site header on paper');
      await page.emulateMedia({ media: 'screen' });
      const pdf = await page.request.get(`${page.url()}/pdf`);
      check(pdf.status() === 200 && pdf.headers()['content-type'].startsWith('application/pdf'), 'the PDF answers');
      check((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'it is a PDF');
    });
    check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await finish(run);
