// Browser test of the admin console's search and export: a demo shopper
// places an order paid by post office remittance and reads its remittance
// code; the admin types that code (lower case, in groups of four) into the
// dashboard's search box and finds the order, then exports the COD review
// queue as CSV from its page. Screenshots at 1280 and 390 px:
// admin-search-1280.png, admin-search-390.png, admin-queue-export-*.png.
// Last line: "admin_search: N passed, N failed".
import fs from 'node:fs';
import { base, check, launch, placeRemittanceOrder, screenshots, signIn, stepper, watch } from './lib.mjs';

const product = 'Cyclone R5 Robot Vacuum';
const email = process.env.MALLPAY_E2E_REMITTANCE_EMAIL || 'shopper.new@demo.test';
const s = stepper('admin_search');

await s.finish(async () => {
  const browser = await launch();
  const errors = [];
  try {
    const shopper = await (await browser.newContext()).newPage();
    watch(shopper, errors, { requests: false });
    let id = '';
    let code = '';
    await s.step('a shopper places a remittance order and reads its code', async () => {
      await signIn(shopper, email);
      ({ id, code } = await placeRemittanceOrder(shopper, product));
    });

    const ctx = await browser.newContext({ acceptDownloads: true });
    const admin = await ctx.newPage();
    watch(admin, errors, { requests: false });
    await s.step('the admin finds the order by its remittance code', async () => {
      await signIn(admin, 'admin@demo.test');
      await admin.goto(`${base}/admin`);
      const typed = code.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim().toLowerCase();
      await admin.getByLabel(/Search orders, queues and the audit trail/).fill(typed);
      await Promise.all([admin.waitForURL(/\/admin\/search\?q=/),
        admin.getByRole('button', { name: 'Search' }).click()]);
      check((await admin.locator('#search-kind').innerText()).includes('remittance code'),
        'the search is recognised as a remittance code');
      const row = admin.locator(`tr.search-order[data-id="${id}"]`);
      check(await row.count() === 1, `the order #${id} is found`);
      check((await row.innerText()).includes('Awaiting remittance'), 'its status is in words');
      check(await admin.locator('#search-events tr.search-event').count() >= 1,
        'its audit trail is shown');
      await screenshots(admin, 'admin-search');
    });

    await s.step('the admin exports the COD review queue as CSV', async () => {
      await admin.goto(`${base}/admin/queues/cod`);
      const link = admin.locator('#queue-export');
      check(await link.count() === 1, 'the queue page has an Export CSV link');
      await screenshots(admin, 'admin-queue-export');
      const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
      check(/^mallpay-queue-cod_review-\d{4}-\d\d-\d\d\.csv$/.test(download.suggestedFilename()),
        `the file is named for the queue and the day (${download.suggestedFilename()})`);
      const text = fs.readFileSync(await download.path(), 'utf8');
      check(text.startsWith('Queue,Item,Order,Buyer email,Company,Status,Submitted (UTC),Amount,Currency,Due\r\n'),
        'the CSV starts with its headings and a CRLF');
      const records = text.split('\r\n').slice(1).filter((l) => l.length > 0);
      for (const line of records)
        check(line.startsWith('COD review,'), `every record is a COD review entry (${line})`);
      const total = Number(/(\d+) item/.exec(await admin.locator('#queue-total').innerText())[1]);
      check(records.length === total, `one record per queue entry (${records.length} of ${total})`);
    });
    check(errors.length === 0, `no console errors (${errors.join('; ')})`);
  } finally {
    await browser.close();
  }
});
