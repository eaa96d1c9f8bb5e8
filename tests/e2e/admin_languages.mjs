// Browser test: the admin console in Chinese. The demo admin signs in,
// then their browser asks for Chinese (Accept-Language; the account's own
// setting is left alone so the other tests stay in English). The
// dashboard, the orders list, the platform settings and the money reports
// come in Chinese (<html lang="zh-CN">), with the texts the C code sets
// (queue titles, columns, filters, sections, field labels, report titles)
// translated, order statuses and methods as words rather than codes, and
// none scrolls sideways at 390 px. Screenshots into MALLPAY_SCREENSHOT_DIR:
// admin-zh-{dashboard,orders,settings,reports}-{1280,390}.png.
import { base, check, launch, screenshots, signIn, stepper, watch } from './lib.mjs';

const email = process.env.MALLPAY_E2E_ADMIN_EMAIL || 'admin@demo.test';

// Each page: what it must say in Chinese, and the English it must not.
const pages = [
  { stem: 'dashboard', path: '/admin', h1: '管理后台',
    zh: ['审核队列', '待审核的货到付款订单', '审核期限（COD-P1：1 个工作日）', '全部订单'],
    en: ['Review queues', 'COD orders awaiting review', 'All orders'] },
  { stem: 'orders', path: '/admin/orders', h1: '订单',
    zh: ['买家', '支付方式', '应付金额', '最新在前'],
    en: ['Shopper', 'Amount to pay', 'Newest first', 'awaiting_review', 'installment_card'] },
  { stem: 'settings', path: '/admin/settings/platform', h1: '平台设置',
    zh: ['信用与分期付款', '分期付款最低信用评分', '货到付款'],
    en: ['Credit and installments', 'Lowest credit score for installments'] },
  { stem: 'reports', path: '/admin/reports', h1: '资金报表',
    zh: ['按支付方式统计的收款', '按逾期天数统计', '1-30 天'],
    en: ['Collected by method', 'Overdue by age', 'Over 60 days'] },
];

const t = stepper('admin_languages');

await t.finish(async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    watch(page, errors);
    await signIn(page, email, { landing: /\/admin$/ });
    await context.setExtraHTTPHeaders({ 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.3' });
    for (const p of pages) {
      await t.step(`${p.path} in Chinese`, async () => {
        const resp = await page.goto(`${base}${p.path}`);
        check(resp && resp.status() === 200, `GET ${p.path} answers 200`);
        const lang = await page.evaluate(() => document.documentElement.lang);
        check(lang === 'zh-CN', `${p.path}: lang=${lang}`);
        const h1 = (await page.locator('h1').first().innerText()).trim();
        check(h1.includes(p.h1), `${p.path}: heading "${h1}" has "${p.h1}"`);
        const text = await page.locator('main').innerText();
        for (const w of p.zh) check(text.includes(w), `${p.path} says "${w}"`);
        for (const w of p.en) check(!text.includes(w), `${p.path} shows no "${w}"`);
        await screenshots(page, `admin-zh-${p.stem}`);
      });
    }
    check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
    await context.close();
  } finally {
    await browser.close();
  }
});
