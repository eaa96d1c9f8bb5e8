/* Remittance pages: a print button for the instructions and an
 * upload progress bar for the voucher form. Without JavaScript the form is
 * a plain multipart POST and the page prints with the browser's menu. */
(function () {
	'use strict';
	var print = document.getElementById('print-instructions');
	if (print) {
		print.hidden = false;
		print.addEventListener('click', function () { window.print(); });
	}
	var form = document.getElementById('voucher-form');
	if (!form || !window.FormData || !window.XMLHttpRequest)
		return;
	var box = document.getElementById('upload-progress');
	var bar = document.getElementById('upload-bar');
	var pct = document.getElementById('upload-pct');
	var button = document.getElementById('voucher-submit');
	form.addEventListener('submit', function (ev) {
		var xhr = new XMLHttpRequest();
		ev.preventDefault();
		button.disabled = true;
		box.hidden = false;
		xhr.upload.addEventListener('progress', function (e) {
			if (!e.lengthComputable)
				return;
			var p = Math.floor(e.loaded * 100 / e.total);
			bar.value = p;
			pct.textContent = p + '%';
		});
		xhr.addEventListener('load', function () {
			bar.value = 100;
			pct.textContent = '100%';
			if (xhr.status === 200 && xhr.responseURL &&
			    xhr.responseURL.indexOf('/voucher?msg=') !== -1) {
				window.location.assign(xhr.responseURL);
				return;
			}
			/* An error page (400, 409, 413): show it as it is. */
			document.open();
			document.write(xhr.responseText);
			document.close();
		});
		xhr.addEventListener('error', function () {
			button.disabled = false;
			pct.textContent = 'The upload failed: check your connection and try again.';
		});
		xhr.open('POST', form.action);
		xhr.send(new FormData(form));
	});
})();
