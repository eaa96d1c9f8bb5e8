/*
 * Checkout answers as you type: a change of coupon, points, shipping,
 * destination or delivery address asks GET /checkout/quote (the same
 * options and the same service call as GET /checkout) and puts the
 * summary, every method's verdict and plans, and the field messages in
 * place without a reload. The forms stay plain GET and POST forms, so
 * without script "Update the amount" and "Deliver to this address" do the
 * same by reloading the page.
 */
(function () {
	"use strict";
	var opts = document.getElementById("options");
	var addr = document.getElementById("address-form");
	var place = document.getElementById("place");
	var summary = document.getElementById("checkout-summary");
	var methods = document.getElementById("checkout-methods");
	if (!opts || !place || !summary || !methods || !window.fetch ||
	    !window.URLSearchParams || !window.FormData)
		return;
	var timer = null;
	var seq = 0;

	/* Every input of the forms named name. */
	function named(name) {
		return document.querySelectorAll('input[type=hidden][name="' +
		    name + '"]');
	}
	function setHidden(name, value) {
		var l = named(name);
		for (var i = 0; i < l.length; i++)
			l[i].value = value;
	}

	/* The message of field name (its element id) beside input, or none. */
	function fieldMsg(input, id, cls, text) {
		var el = document.getElementById(id);
		if (!text) {
			if (el)
				el.parentNode.removeChild(el);
			if (input)
				input.removeAttribute("aria-invalid");
			return;
		}
		if (!el && input) {
			el = document.createElement("span");
			el.id = id;
			el.className = cls;
			input.parentNode.appendChild(el);
		}
		if (!el)
			return;
		el.textContent = text;
		if (input && cls === "field-error") {
			input.setAttribute("aria-invalid", "true");
			input.setAttribute("aria-describedby", id);
		}
	}

	function clearLiveErrors() {
		var l = document.querySelectorAll(".live-error");
		for (var i = 0; i < l.length; i++) {
			var input = opts.elements[l[i].getAttribute("data-field")];
			if (input && input.removeAttribute)
				input.removeAttribute("aria-invalid");
			l[i].parentNode.removeChild(l[i]);
		}
	}

	function showError(j) {
		var input = j.field ? opts.elements[j.field] : null;
		var el = document.createElement("span");
		el.className = "field-error live-error";
		el.setAttribute("role", "alert");
		el.setAttribute("data-field", j.field || "");
		el.textContent = j.error || "The amount could not be computed.";
		if (input && input.parentNode && input.setAttribute) {
			input.setAttribute("aria-invalid", "true");
			input.parentNode.appendChild(el);
		} else
			opts.appendChild(el);
	}

	function apply(j, query) {
		summary.innerHTML = j.summary_html;
		methods.innerHTML = j.methods_html;
		setHidden("country", j.country);
		setHidden("address", j.address ? String(j.address) : "");
		setHidden("coupon", j.coupon);
		setHidden("points", String(j.points));
		setHidden("shipping", opts.elements.shipping &&
		    opts.elements.shipping.checked ? "expedited" : "standard");
		if (opts.elements.country)
			opts.elements.country.value = j.country;
		fieldMsg(opts.elements.coupon, "coupon-err", "field-error",
		    j.coupon_error);
		fieldMsg(opts.elements.points, "points-err", "field-note",
		    j.points_error);
		if (addr)
			fieldMsg(addr.querySelector("fieldset"), "address-err",
			    "field-error", j.address_error);
		if (addr) {
			var radios = addr.querySelectorAll("input[name=address]");
			for (var i = 0; i < radios.length; i++)
				radios[i].checked = radios[i].value === String(j.address);
		}
		/* A plan's terms shown before were for the old amounts: placing
		 * shows them again, for the new ones. */
		var disc = document.getElementById("disclosure");
		if (disc) {
			disc.parentNode.removeChild(disc);
			var btn = document.getElementById("place-order");
			if (btn)
				btn.textContent = "Place order";
		}
		var err = document.getElementById("checkout-error");
		if (err)
			err.parentNode.removeChild(err);
		if (window.history && history.replaceState)
			history.replaceState(null, "", "/checkout?" + query);
	}

	/* Ask for the quote of form's options (the checked plan kept). */
	function recompute(form) {
		var p = new URLSearchParams();
		var fd = new FormData(form);
		fd.forEach(function (v, k) {
			if (typeof v === "string" && v !== "")
				p.append(k, v);
		});
		var pay = place.querySelector("input[name=pay]:checked");
		if (pay && !p.has("pay"))
			p.set("pay", pay.value);
		var query = p.toString();
		var mine = ++seq;
		document.body.setAttribute("data-quote", "busy");
		fetch("/checkout/quote?" + query, { credentials: "same-origin",
		    cache: "no-store", headers: { Accept: "application/json" } })
			.then(function (r) {
				return r.json().then(function (j) {
					return { ok: r.ok, j: j };
				});
			})
			.then(function (a) {
				if (mine !== seq)
					return;
				clearLiveErrors();
				if (a.ok)
					apply(a.j, query);
				else
					showError(a.j);
				document.body.setAttribute("data-quote", "done");
			})
			.catch(function () {
				if (mine === seq)
					document.body.setAttribute("data-quote",
					    "failed");
			});
	}

	function soon(form, ms) {
		if (timer)
			window.clearTimeout(timer);
		timer = window.setTimeout(function () {
			timer = null;
			recompute(form);
		}, ms);
	}

	opts.addEventListener("input", function (e) {
		if (e.target.name === "coupon" || e.target.name === "points")
			soon(opts, 300);
	});
	opts.addEventListener("change", function () {
		soon(opts, 0);
	});
	if (addr)
		addr.addEventListener("change", function (e) {
			if (e.target.name === "address")
				soon(addr, 0);
		});
})();
