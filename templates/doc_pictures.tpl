{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="/static/doc_pictures.css">
<div class="doc-pictures" id="{{KEY}}-pictures">
{{#PAGE}}<figure class="doc-page">
	<a href="/admin/files/{{FILE}}/picture?page={{N}}" class="doc-fit-link" aria-label="{{ALT}}, page {{N}} of {{PAGES}}, full size"><img class="doc-fit" id="{{KEY}}-page-{{N}}" src="/admin/files/{{FILE}}/picture?page={{N}}" alt="{{ALT}}, page {{N}} of {{PAGES}}"></a>
	<figcaption>Page {{N}} of {{PAGES}} &middot; <a href="/admin/files/{{FILE}}/picture?page={{N}}">full size</a></figcaption>
	<details class="doc-zoom"><summary>Zoom in here</summary><div class="doc-zoom-box"><img src="/admin/files/{{FILE}}/picture?page={{N}}" alt="{{ALT}}, page {{N}} of {{PAGES}}, full size" loading="lazy"></div></details>
</figure>{{/PAGE}}
{{#NONE}}<p class="muted" id="{{KEY}}-no-pictures">This file was uploaded before pictures were drawn from uploads: download the original to see it.</p>{{/NONE}}
{{#DOWNLOAD}}<p class="doc-download"><a href="{{HREF}}" id="{{KEY}}-download" download>Download the original{{KIND}}</a> <span class="muted">What is shown above is a picture drawn from the upload; the original file is only for download.</span></p>{{/DOWNLOAD}}
</div>
