// Browser test: the shopper's road in Arabic, Chinese and Malay. For each
// language, a demo shopper whose browser asks for it (Accept-Language; the
// account's own setting is left alone so the other tests stay in English)
// checks out by post office remittance, uploads the voucher, then buys on a
// card installment plan and reads its schedule. Every page comes in the
// language (<html lang>, no English heading), Arabic right to left with the
// schedule chart mirrored, and none scrolls sideways at 390 px. A guest's
// switcher works without script. Screenshots into MALLPAY_SCREENSHOT_DIR:
// lang-LANG-checkout-{1280,390}.png, lang-LANG-remittance-*, -voucher-*,
// -schedule-*, lang-switcher-*.
import { base, check, emptyCart, launch, payAtBank, screenshots, signIn, stepper, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_INST_EMAIL || 'shopper.veteran@demo.test';
const product = 'AquaPro Washing Machine 8 kg';
const plan = 'installment_card:harbor-bank:6';
// A small whole PNG (32 x 24, one colour): uploads are decoded.
const voucher = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAIAAAAUMWhjAAAAJElEQVR42mM4cecDTRHDqAWjFoxaMGrBqAWjFoxaMGrB0LAAAHCsvGrYUMhEAAAAAElFTkSuQmCC', 'base64');

// What each language's pages must say, and what English they must not.
const langs = [
  { tag: 'ar', dir: 'rtl', checkout: 'إتمام الشراء', schedule: 'جدول السداد', voucher: 'رفع إيصال الحوالة' },
  { tag: 'zh-CN', dir: 'ltr', checkout: '结算', schedule: '还款计划', voucher: '上传汇款凭证' },
  { tag: 'ms', dir: 'ltr', checkout: 'Pembayaran', schedule: 'Jadual bayaran balik', voucher: 'Muat Naik Baucar Kiriman Wang' },
];
const english = ['Checkout', 'Repayment schedule', 'Upload Remittance Voucher', 'My Orders', 'Sign out'];

const t = stepper('languages');

// The page is in lang: <html lang dir>, its h1 contains heading, and none
// of the English headings or menu words shows.
async function inLanguage(page, lang, heading) {
  const { l, d } = await page.evaluate(() => ({ l: document.documentElement.lang, d: document.documentElement.dir }));
  check(l === lang.tag && d === lang.dir, `${page.url()}: lang=${l} dir=${d}, want ${lang.tag} ${lang.dir}`);
  const h1 = (await page.locator('h1').first().innerText()).trim();
  check(h1.includes(heading), `${page.url()}: heading "${h1}" has "${heading}"`);
  const text = await page.locator('body').innerText();
  for (const w of english)
    check(!text.includes(w), `${page.url()} (${lang.tag}) shows no English "${w}"`);
}

// Add product to the empty cart through the catalog's form.
async function cartOf(page) {
  await emptyCart(page);
  await page.goto(`${base}/catalog`);
  const card = page.locator(`li.product:has(h3:text-is("${product}"))`);
  check(await card.count() === 1, `the catalog lists ${product}`);
  await Promise.all([page.waitForURL(/\/cart\?msg=added/), card.locator('form[action="/cart/add"] button').click()]);
}

async function road(browser, lang) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  await signIn(page, email, { landing: /\/catalog/ });
  await context.setExtraHTTPHeaders({ 'Accept-Language': `${lang.tag},en;q=0.3` });
  const stem = `lang-${lang.tag}`;

  await t.step(`${lang.tag}: checkout by post office remittance`, async () => {
    await cartOf(page);
    await page.goto(`${base}/checkout?country=MY`);
    await inLanguage(page, lang, lang.checkout);
    await screenshots(page, `${stem}-checkout`);
    await page.locator('input[type=radio][name=pay][value="remittance"]').check();
    await Promise.all([page.waitForURL(/\/orders\/\d+\/remittance$/), page.locator('#place-order').click()]);
    await inLanguage(page, lang, '');
    const code = (await page.locator('#rf-code').innerText()).trim();
    check(/^RF\d\d/.test(code), `the remittance code reads left to right (${code})`);
    await screenshots(page, `${stem}-remittance`);
  });

  await t.step(`${lang.tag}: remittance voucher upload`, async () => {
    await Promise.all([page.waitForURL(/\/orders\/\d+\/voucher$/), page.locator('#upload-voucher-link').click()]);
    await inLanguage(page, lang, lang.voucher);
    await page.setInputFiles('#voucher', { name: 'receipt.png', mimeType: 'image/png', buffer: voucher });
    await page.locator('#tracking').fill(`PO-LANG-${Date.now()}`);
    await Promise.all([page.waitForURL(/\/orders\/\d+\/voucher\?msg=uploaded$/, { timeout: 60000 }),
      page.locator('#voucher-submit').click()]);
    await inLanguage(page, lang, lang.voucher);
    await screenshots(page, `${stem}-voucher`);
  });

  await t.step(`${lang.tag}: card installment plan and its schedule`, async () => {
    await cartOf(page);
    await page.goto(`${base}/checkout?country=MY`);
    await page.locator(`input[type=radio][value="${plan}"]`).check();
    await page.locator('#place-order').click();
    await page.waitForSelector('#disclosure');
    await Promise.all([page.waitForURL(/\/orders\/\d+\/card$/), page.locator('#place-order').click()]);
    const id = /\/orders\/(\d+)\/card/.exec(page.url())[1];
    await inLanguage(page, lang, '');
    await page.locator('#card-to-bank').click();
    await payAtBank(page, '4111 1111 1111 1111');
    await page.waitForURL(new RegExp(`/orders/${id}/confirm$`));
    await inLanguage(page, lang, '');
    await Promise.all([page.waitForURL(new RegExp(`/orders/${id}/schedule\\?msg=confirmed`)),
      page.locator('#confirm-button').click()]);
    await inLanguage(page, lang, lang.schedule);
    // The chart: bar 1 on the reading side where the language starts.
    const first = await page.locator('svg#schedule-chart g.bar').first().boundingBox();
    const last = await page.locator('svg#schedule-chart g.bar').last().boundingBox();
    if (lang.dir === 'rtl')
      check(first.x > last.x, `the chart is mirrored: installment 1 on the right (${first.x} > ${last.x})`);
    else
      check(first.x < last.x, `installment 1 on the left (${first.x} < ${last.x})`);
    await screenshots(page, `${stem}-schedule`);
  });
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
  await context.close();
}

await t.finish(async () => {
  const browser = await launch();
  try {
    for (const lang of langs) await road(browser, lang);

    await t.step('a guest switches to Arabic without script', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${base}/catalog`);
      await Promise.all([page.waitForURL(/\/catalog$/), page.locator('#lang-switch button[value="ar"]').click()]);
      const dir = await page.locator('html').getAttribute('dir');
      check(dir === 'rtl', `the catalog is right to left after the switch (${dir})`);
      await screenshots(page, 'lang-switcher');
      await context.close();
    });
  } finally {
    await browser.close();
  }
});
