// Browser test: a shopper with no mouse orders from the catalog to a
// placed order with the keyboard alone (Tab, Shift+Tab, Enter, Space, and
// the arrow keys inside a radio group; no click): the skip link comes first
// and moves past the navigation, every element that takes focus on the way
// shows a visible focus ring (an outline of at least 2 px whose colour
// stands at least 3:1 against the page), the product goes into the cart,
// the checkout is reached, post office remittance is chosen and the order
// is placed. The new shopper is registered and given a delivery address
// by the shared helpers first.
// Base URL: MALLPAY_TEST_URL. Screenshots in $MALLPAY_SCREENSHOT_DIR
// (keyboard-*.png). Last line: "keyboard: N passed, N failed".
import { addAddress } from './cod_lib.mjs';
import { base, check, DESKTOP, launch, register, screenshot, stepper, watch } from './lib.mjs';

const { step, finish } = stepper('keyboard');
const product = 'Cyclone R5 Robot Vacuum';

// What has focus now, and whether its focus shows: an outline at least 2
// px wide whose colour has a contrast of at least 3:1 with the page.
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const lum = (rgb) => {
      const c = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const cs = getComputedStyle(el);
    const ring = lum(cs.outlineColor);
    const bg = lum(getComputedStyle(document.body).backgroundColor);
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
      shows: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 &&
        (Math.max(ring, bg) + 0.05) / (Math.min(ring, bg) + 0.05) >= 3,
      inMain: !!el.closest('#main'),
    };
  });
}

// Press key and check that the element focused then shows its focus.
async function press(page, key) {
  await page.keyboard.press(key);
  const f = await focused(page);
  if (f) check(f.shows, `the focus on ${f.what} is visible after ${key}`);
  return f;
}

// Tab (at most max times) until the focused element matches test (run in
// the page with arg; it reads document.activeElement); every element on
// the way shows its focus.
async function tabTo(page, what, test, arg = null, max = 150) {
  for (let i = 0; i < max; i++) {
    await press(page, 'Tab');
    if (await page.evaluate(test, arg))
      return;
  }
  throw new Error(`check failed: ${what} not reached with Tab in ${max} presses`);
}

// Press Enter (or key) and wait for the navigation to a URL matching re.
async function go(page, re, key = 'Enter') {
  await Promise.all([page.waitForURL(re), page.keyboard.press(key)]);
}

async function run() {
  const browser = await launch();
  const errors = [];
  try {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    watch(page, errors, { requests: false });
    await step('a new shopper with a delivery address (set up through the helpers)', async () => {
      await register(page, `keys-${process.pid}-${Date.now()}@e2e.test`, 'Kim Keys', 'keyboard-e2e-password');
      await addAddress(page, 'Kim Keys');
    });
    await step('the skip link is the first stop, shows, and moves past the navigation', async () => {
      await page.goto(`${base}/catalog`);
      const f = await press(page, 'Tab');
      check(f && /Skip to content/.test(f.what), `the first Tab reaches the skip link (got ${f && f.what})`);
      const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
      check(box.left >= 0 && box.top >= 0 && box.width > 0, 'the focused skip link is on screen');
      await screenshot(page, 'keyboard-skip-link.png');
      await page.keyboard.press('Enter');
      check(new URL(page.url()).hash === '#main', 'Enter on the skip link goes to #main');
      const next = await press(page, 'Tab');
      check(next && next.inMain, `the next Tab lands in the main content, not the navigation (got ${next && next.what})`);
    });
    await step('Add to cart with Enter', async () => {
      await tabTo(page, `the Add to cart button of ${product}`, (name) => document.activeElement.tagName === 'BUTTON' &&
        /Add to cart/.test(document.activeElement.innerText) &&
        document.activeElement.closest('li.product')?.querySelector('h3')?.innerText.trim() === name, product);
      await go(page, /\/cart\?msg=added/);
    });
    await step('from the cart to the checkout', async () => {
      await tabTo(page, 'Go to checkout', () => document.activeElement.getAttribute('href') === '/checkout');
      await screenshot(page, 'keyboard-cart.png');
      await go(page, /\/checkout$/);
    });
    await step('Malaysia as the destination, with the keyboard', async () => {
      const country = await page.locator('#country').inputValue();
      if (country !== 'MY') {
        await tabTo(page, 'the destination country', () => document.activeElement.id === 'country');
        await page.keyboard.type('Malaysia');
        await tabTo(page, 'Update the amount', () => /Update the amount/.test(document.activeElement.innerText));
        await go(page, /\/checkout\?.*country=MY/);
      }
      check(await page.locator('input[name="pay"][value="remittance"]').count() === 1, 'remittance is offered');
    });
    await step('remittance chosen from the radio group with arrows and Space', async () => {
      await tabTo(page, 'the payment methods', () => document.activeElement.name === 'pay');
      for (let i = 0; i < 30; i++) {
        if (await page.evaluate(() => document.activeElement.value) === 'remittance') break;
        await press(page, 'ArrowDown');
      }
      await press(page, 'Space');
      check(await page.locator('input[name="pay"][value="remittance"]').isChecked(), 'remittance is chosen');
      await screenshot(page, 'keyboard-checkout.png');
    });
    await step('Place order with Enter: the order is placed', async () => {
      await tabTo(page, 'Place order', () => document.activeElement.id === 'place-order');
      await go(page, /\/orders\/\d+\/remittance$/);
      const code = (await page.locator('#rf-code').innerText()).trim();
      check(/^RF\d\d/.test(code), `the order is placed with its remittance code (${code})`);
      await screenshot(page, 'keyboard-placed.png');
    });
    check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

finish(run);
