/*
 * The pending installment review on the order page (INST-PC): asks
 * GET /orders/:id/plan-status every 5 seconds and reloads the page once
 * the partner has answered. Without script the "Check again" link does
 * the same by hand.
 */
(function () {
	"use strict";
	var box = document.getElementById("plan-review");
	if (!box || !window.fetch)
		return;
	var url = box.getAttribute("data-status-url");
	var tries = 0;
	function poll() {
		tries++;
		fetch(url, { credentials: "same-origin", cache: "no-store" })
			.then(function (r) { return r.ok ? r.json() : null; })
			.then(function (j) {
				if (j && j.state && j.state !== "pending") {
					box.setAttribute("data-state", j.state);
					window.location.reload();
					return;
				}
				if (tries < 120)
					window.setTimeout(poll, 5000);
			})
			.catch(function () {
				if (tries < 120)
					window.setTimeout(poll, 10000);
			});
	}
	window.setTimeout(poll, 3000);
})();
