// Load for `./mallpay cluster test` (scripts/cluster_test.sh): CLIENTS
// shoppers (bench-NNNNN@bench.test of `mallpayctl bench-data`) each in a
// loop: add a product to the cart and place an order paid by bank transfer,
// upload a payment voucher for it, and pay the next installment of one of
// their plans where the schedule offers it. Requests spread over the three
// mallpayd through the one nginx. Until the file STOP exists (or SECONDS
// pass), then it writes a JSON summary to OUT: every status counted, and the
// acknowledged work (the 303 answers): order ids, voucher order ids, paid
// (order, installment) pairs.
//
//   node tests/cluster/load.mjs BASE CLIENTS SECONDS STOP OUT
import { writeFileSync, existsSync } from 'node:fs';

const [base, nclients, seconds, stopFile, outFile] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const stats = { statuses: {}, errors: 0, orders: [], vouchers: [],
    payments: [], busy_retries: 0, fiveHundreds: [] };

function count(st, path) {
	stats.statuses[st] = (stats.statuses[st] || 0) + 1;
	if (st >= 500 && st !== 503)
		stats.fiveHundreds.push(`${st} ${path}`);
}

const stopping = () => Date.now() > deadline || existsSync(stopFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One shopper: a cookie jar over fetch, no redirects followed.
class Client {
	constructor(email) { this.email = email; this.cookies = {}; }
	headers(extra) {
		const c = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`);
		return { ...(c.length ? { Cookie: c.join('; ') } : {}), ...extra };
	}
	take(res) {
		for (const sc of res.headers.getSetCookie?.() ?? []) {
			const [kv] = sc.split(';');
			const i = kv.indexOf('=');
			this.cookies[kv.slice(0, i)] = kv.slice(i + 1);
		}
	}
	// One request; an answer of a fault in progress is tried again after
	// its Retry-After, as a browser's user would, up to 20 times. Returns
	// { status, body, location } or null on a network error.
	async req(method, path, body, type) {
		for (let i = 0; i < 20; i++) {
			let res, text;
			try {
				res = await fetch(base + path, { method, body,
				    redirect: 'manual', headers: this.headers(type ?
				    { 'Content-Type': type } : {}),
				    signal: AbortSignal.timeout(60000) });
				text = await res.text();
			} catch (e) {
				// No answer (a mallpayd killed, a timeout): the
				// same form again, as a shopper would.
				stats.errors++;
				await sleep(500);
				continue;
			}
			this.take(res);
			count(res.status, `${method} ${path}`);
			// A 503 with Retry-After (the database busy or a node
			// lost) or a 502 (a mallpayd gone): again, same form.
			if ((res.status === 503 && res.headers.get('retry-after')) ||
			    res.status === 502 || res.status === 504) {
				stats.busy_retries++;
				await sleep(1000 * Number(res.headers.get('retry-after') || 1));
				continue;
			}
			return { status: res.status, body: text,
			    location: res.headers.get('location') || '' };
		}
		return null;
	}
	async get(path) { return this.req('GET', path); }
	async post(path, fields) {
		return this.req('POST', path, new URLSearchParams(fields).toString(),
		    'application/x-www-form-urlencoded');
	}
}

// The fields of the first form whose action is action: hidden inputs,
// checked radios and checkboxes, text inputs with their values.
function form(html, action) {
	const re = new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`);
	const m = html.match(re);
	if (!m)
		return null;
	const f = {};
	for (const [tag] of m[1].matchAll(/<input\b[^>]*>/g)) {
		const name = tag.match(/name="([^"]*)"/)?.[1];
		if (!name)
			continue;
		const type = tag.match(/type="([^"]*)"/)?.[1] || 'text';
		const value = (tag.match(/value="([^"]*)"/)?.[1] || '')
		    .replace(/&amp;/g, '&');
		if ((type === 'radio' || type === 'checkbox') && !/checked/.test(tag))
			continue;
		if (type !== 'submit' && type !== 'file')
			f[name] = value;
	}
	return f;
}

async function signin(c) {
	const g = await c.get('/signin');
	const f = g && form(g.body, '/signin');
	if (!f)
		return false;
	const r = await c.post('/signin', { ...f, email: c.email,
	    password: 'mallpay-bench' });
	return r && r.status === 303;
}

// Products that cannot be paid by remittance (high value, flash sale...).
const unfit = new Set();

// Empty the shopper's cart (what earlier attempts left).
async function emptyCart(c) {
	const g = await c.get('/cart');
	const f = g && form(g.body, '/cart/remove');
	for (const [, id] of (g?.body || '').matchAll(
	    /name="product_id" value="(\d+)"/g))
		if (f)
			await c.post('/cart/remove', { ...f, product_id: id });
}

// Place one order of one item paid by post office remittance; its id, or 0.
async function placeOrder(c, products) {
	const fit = products.filter((p) => !unfit.has(p));
	const p = fit[Math.floor(Math.random() * fit.length)];
	const cat = await c.get('/catalog');
	const f = cat && form(cat.body, '/cart/add');
	if (!f || !(await c.post('/cart/add', { ...f, product_id: p, qty: '1' })))
		return 0;
	const co = await c.get('/checkout?country=MY');
	const pf = co && co.status === 200 && form(co.body, '/checkout/place');
	if (!pf || !/name="pay" value="remittance"/.test(co.body)) {
		if (pf)
			unfit.add(p);
		await emptyCart(c);
		return 0;
	}
	const r = await c.post('/checkout/place', { ...pf, pay: 'remittance' });
	const m = r && r.status === 303 && r.location.match(/\/orders\/(\d+)/);
	return m ? Number(m[1]) : 0;
}

// A whole 1x1 PNG: uploads are decoded, a picture of the slip must be one.
const slip = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1Pe' +
    'AAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

// Upload a voucher (a picture of the slip) for order id; 1 when acknowledged.
async function uploadVoucher(c, id) {
	const g = await c.get(`/orders/${id}/voucher`);
	const f = g && g.status === 200 && form(g.body, `/orders/${id}/voucher`);
	if (!f)
		return 0;
	const amount = g.body.match(/USD ([0-9,]+\.[0-9]{2})/)?.[1]
	    ?.replace(/,/g, '') || '1.00';
	const fd = new FormData();
	for (const [k, v] of Object.entries({ ...f, amount,
	    date: new Date().toISOString().slice(0, 10),
	    tracking: `CT${id}` }))
		fd.append(k, v);
	fd.append('voucher', new Blob([slip], { type: 'image/png' }),
	    'voucher.png');
	const r = await c.req('POST', `/orders/${id}/voucher`, fd);
	return r && r.status === 303 && /msg=uploaded/.test(r.location) ? 1 : 0;
}

// Plans whose payment the partner refused (bench-data's card plans carry
// no card token: the bank cannot deduct): not tried again.
const refused = new Set();

// Pay the next installment of one of the shopper's plans that offers it:
// [order, seq] when acknowledged, else null.
async function payInstallment(c, plans) {
	for (const id of plans) {
		if (refused.has(id))
			continue;
		const g = await c.get(`/orders/${id}/schedule`);
		const f = g && g.status === 200 && form(g.body, `/orders/${id}/pay`);
		if (!f) {
			refused.add(id);
			continue;
		}
		const r = await c.post(`/orders/${id}/pay`, f);
		if (r && r.status === 303)
			return [id, Number(f.seq || 0)];
		refused.add(id);
	}
	return null;
}

async function shopper(i) {
	const c = new Client(`bench-${String(i).padStart(5, '0')}@bench.test`);
	while (!(await signin(c)))
		if (stopping())
			return;
	const ab = await c.get('/account/addresses');
	const af = ab && form(ab.body, '/account/addresses');
	if (af && !/name="address" value="[1-9]/.test(
	    (await c.get('/checkout?country=MY'))?.body || ''))
		await c.post('/account/addresses', { ...af, recipient:
		    `Shopper ${i}`, line1: `${i} Jalan Test`, city: 'Kuala Lumpur',
		    region: 'WP', postal_code: '50000', country: 'MY',
		    phone: '+60312345678', make_default: '1' });
	const cat = await c.get('/catalog');
	const products = [...new Set([...(cat?.body || '')
	    .matchAll(/name="product_id" value="(\d+)"/g)].map((m) => m[1]))];
	if (products.length === 0)
		throw new Error('no products in the catalog');
	await emptyCart(c);
	const list = await c.get('/orders');
	const plans = [...new Set([...(list?.body || '')
	    .matchAll(/href="\/orders\/(\d+)\/schedule"/g)].map((m) => m[1]))];
	while (!stopping()) {
		const id = await placeOrder(c, products);
		if (id === 0)
			continue;
		stats.orders.push(id);
		if (await uploadVoucher(c, id))
			stats.vouchers.push(id);
		const paid = await payInstallment(c, plans);
		if (paid)
			stats.payments.push(paid);
	}
}

async function main() {
	const t0 = Date.now();
	const all = [];
	for (let i = 1; i <= Number(nclients); i++)
		all.push(shopper(i));
	await Promise.all(all);
	stats.seconds = (Date.now() - t0) / 1000;
	writeFileSync(outFile, JSON.stringify(stats));
}

main().catch((e) => { console.error(e); process.exit(1); });
