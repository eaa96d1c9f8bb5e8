// The company's document upload form: a file over the 10 MB limit is
// refused here, beside the field, before it is sent; the typed expiry date
// is kept for the page the member comes back to (the server's refusal
// refills it too; a refusal by the web server before the app cannot).
(function () {
	"use strict";
	var form = document.getElementById("upload-form");
	if (!form) return;
	var file = document.getElementById("document");
	var note = document.getElementById("document-size-error");
	var expires = document.getElementById("expires");
	var key = "mallpay.upload.expires";
	var max = parseInt(file.getAttribute("data-max-bytes"), 10) || 10485760;
	try {
		if (expires && !expires.value && sessionStorage.getItem(key))
			expires.value = sessionStorage.getItem(key);
	} catch (e) { /* storage disabled: nothing kept */ }
	function tooBig() {
		return file.files && file.files.length > 0 && file.files[0].size > max;
	}
	file.addEventListener("change", function () {
		note.hidden = !tooBig();
		file.setAttribute("aria-invalid", tooBig() ? "true" : "false");
	});
	form.addEventListener("submit", function (ev) {
		try { if (expires) sessionStorage.setItem(key, expires.value); } catch (e) {}
		if (tooBig()) {
			ev.preventDefault();
			note.hidden = false;
			file.setAttribute("aria-invalid", "true");
			file.focus();
		}
	});
})();
