// Browser test of the money reports, the dashboard's key figures and the
// platform settings in sections: the demo admin opens /admin/reports (a
// chart per report, labelled for screen readers), the dashboard (money
// figures), and the settings (sections with human labels, one Save each),
// each shot at 1280 and 390 px with no sideways scrolling at 390 px.
// Base URL: MALLPAY_TEST_URL. Screenshots in $MALLPAY_SCREENSHOT_DIR
// (reports-*.png, dashboard-*.png, settings-*.png). Last line: "reports:
// N passed, N failed".
import { base, check, launch, screenshots, signIn, stepper, watch } from './lib.mjs';

const { step, finish } = stepper('reports');

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const page = await browser.newPage();
    watch(page, errors);
    await step('the admin signs in', async () => {
      await signIn(page, 'admin@demo.test');
      await page.goto(`${base}/admin`);
    });
    await step('the dashboard shows the money figures and links the reports', async () => {
      check(await page.locator('#key-figures dd').count() === 6, 'six key figures');
      check(/USD/.test(await page.locator('#kf-outstanding').innerText()), 'amounts with their currency');
      await screenshots(page, 'dashboard');
      await Promise.all([
        page.waitForURL(/\/admin\/reports$/),
        page.locator('#money-h a[href="/admin/reports"]').click(),
      ]);
    });
    await step('every report has its chart, titled for screen readers', async () => {
      const charts = page.locator('figure.report-chart svg[role="img"]');
      const n = await charts.count();
      check(n >= 2, `charts drawn (got ${n})`);
      for (const slug of ['collected', 'outstanding', 'overdue', 'late-fees', 'guarantee', 'refunds', 'cod-refusals']) {
        check(await page.locator(`#report-${slug} h2`).count() === 1, `report ${slug} is on the page`);
      }
      const title = await page.locator('#chart-overdue title').first().textContent();
      check(title === 'Overdue by age', `the overdue chart's title (got "${title}")`);
      await page.selectOption('#r-period', 'week');
      await Promise.all([
        page.waitForURL(/period=week/),
        page.getByRole('button', { name: 'Show' }).click(),
      ]);
      check(await page.locator('#r-period').inputValue() === 'week', 'the weekly view keeps its period');
      await screenshots(page, 'reports');
    });
    await step('settings come in sections with labels and units', async () => {
      await page.goto(`${base}/admin/settings/platform`);
      const sections = page.locator('form.admin-setting[id^="section-"]');
      check(await sections.count() === 6, 'six sections');
      check(await page.getByLabel('Largest COD order (USD)').count() === 1, 'the COD maximum labelled in USD');
      check((await page.content()).indexOf('cod_b2c_max_usd_minor cod_b2c_max_usd_minor') < 0, 'no raw key printed twice');
      check(await page.locator('#section-cod button[type="submit"]').count() === 1, 'one Save for the section');
      await screenshots(page, 'settings');
    });
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

finish(run);
