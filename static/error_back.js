// The web server's own error pages (413, 429, 503): the button goes back to
// the page the visitor came from (a form keeps what was typed there), or to
// the catalog when there is none.
(function () {
	"use strict";
	var a = document.getElementById("error-back");
	if (!a || !document.referrer) return;
	try {
		if (new URL(document.referrer).origin !== location.origin) return;
	} catch (e) { return; }
	a.href = document.referrer;
	a.addEventListener("click", function (ev) {
		if (history.length > 1) {
			ev.preventDefault();
			history.back();
		}
	});
})();
