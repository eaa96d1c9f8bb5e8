// Helpers of the cash on delivery browser tests (cod.mjs, my_orders.mjs):
// the logistics partner's signed events, a COD order placed at checkout,
// the admin's approval, a delivery address for a new shopper.
// Env: MALLPAY_CTL, MALLPAY_CONF (see lib.mjs for the rest).
import { execFileSync } from 'node:child_process';
import { base, check } from './lib.mjs';

const ctl = process.env.MALLPAY_CTL;
const conf = process.env.MALLPAY_CONF;
const evPath = '/partner/logistics/events';
let seq = 0;

// Send one logistics event as partner 1 would: signed headers from
// `mallpayctl partner-sign`, the exact body. Returns [status, json].
export async function partnerEvent(type, orderId, extra = {}) {
  const body = JSON.stringify({
    event_id: `e2e-${process.pid}-${Date.now()}-${++seq}`, type, order_id: Number(orderId), ...extra,
  });
  const out = execFileSync(ctl, ['-c', conf, 'partner-sign', '--partner', '1', '--path', evPath],
    { input: body }).toString();
  const headers = { 'Content-Type': 'application/json' };
  for (const line of out.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const resp = await fetch(`${base}${evPath}`, { method: 'POST', headers, body });
  const json = await resp.json();
  check(resp.status === 200, `partner event ${type} on #${orderId}: ${resp.status} ${JSON.stringify(json)}`);
  return json;
}

// Place a COD order of the robot vacuum to Malaysia; returns its id.
export async function placeCod(page) {
  await page.goto(`${base}/catalog`);
  const card = page.locator('li.product:has(h3:text-is("Cyclone R5 Robot Vacuum"))');
  await Promise.all([page.waitForURL(/\/cart/), card.getByRole('button', { name: 'Add to cart' }).click()]);
  await page.goto(`${base}/checkout?country=MY`);
  check(await page.locator('#method-cod input[name="pay"][value="cod"]').count() === 1, 'COD is offered');
  await page.locator('#method-cod input[name="pay"][value="cod"]').check();
  await Promise.all([page.waitForURL(/\/orders\/\d+/), page.getByRole('button', { name: 'Place order' }).click()]);
  const id = /\/orders\/(\d+)/.exec(page.url())[1];
  check((await page.locator('#order-status').innerText()).trim() === 'Awaiting review',
    'a COD order starts awaiting the mall\'s review (COD-P1)');
  return id;
}

// The admin approves order id from the COD queue (COD-P1).
export async function approve(admin, id) {
  await admin.goto(`${base}/admin/queues/cod?sort=oldest`);
  let row = admin.locator(`tr.queue-row[data-id="${id}"]`);
  for (let p = 2; (await row.count()) === 0 && p < 50; p++) {
    await admin.goto(`${base}/admin/queues/cod?sort=oldest&page=${p}`);
    row = admin.locator(`tr.queue-row[data-id="${id}"]`);
  }
  check(await row.count() === 1, `the COD queue lists #${id}`);
  await Promise.all([admin.waitForURL(/\/admin\/queues\/cod\?done=approved/),
    row.getByRole('button', { name: 'Approve' }).click()]);
}

// Give the signed-in new shopper (name) a delivery address in Malaysia.
export async function addAddress(page, name) {
  await page.goto(`${base}/account/addresses`);
  await page.getByLabel('Recipient\'s full name').fill(name);
  await page.getByLabel('Address line 1').fill('5 Jalan Kurier');
  await page.getByLabel('City').fill('Kuala Lumpur');
  await page.getByLabel('Postal code').fill('50450');
  await page.getByLabel('Country').selectOption('MY');
  await page.getByLabel('Phone number').fill('+60 12-555 0101');
  await Promise.all([page.waitForURL(/msg=added/), page.getByRole('button', { name: 'Add the address' }).click()]);
}
