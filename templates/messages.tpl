{{%AUTOESCAPE context="HTML"}}
<h1>Messages</h1>
{{#EMPTY}}<p class="empty-state" id="messages-empty">No messages yet.</p>{{/EMPTY}}
{{#UNREAD_ANY}}
<form method="post" action="/messages/read" id="mark-all-read">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<button type="submit" class="secondary">Mark all as read</button>
</form>
{{/UNREAD_ANY}}
{{#GROUP}}
<section class="message-group"{{#ORDER}} id="messages-order-{{ORDER_ID}}" aria-labelledby="messages-order-{{ORDER_ID}}-h"{{/ORDER}}>
{{#ORDER}}<h2 id="messages-order-{{ORDER_ID}}-h"><a href="/orders/{{ORDER_ID}}">Order #{{ORDER_ID}}</a></h2>{{/ORDER}}
<ul class="messages">
{{#MESSAGE}}
	<li class="message{{#UNREAD}} unread{{/UNREAD}}" id="message-{{ID}}">
		<h3>{{#UNREAD}}<span class="badge">New</span> {{/UNREAD}}{{SUBJECT}}</h3>
		<p class="field-note"><time>{{AT}}</time></p>
		<p class="wrap-anywhere">{{BODY}}</p>
		{{#LINK}}<p><a class="button" href="{{HREF}}">Open the invitation</a></p>{{/LINK}}
		{{#UNREAD}}<form method="post" action="/messages/{{ID}}/read"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link-button">Mark as read</button></form>{{/UNREAD}}
	</li>
{{/MESSAGE}}
</ul>
</section>
{{/GROUP}}
<nav class="pager" aria-label="Pages">
	{{#PREV}}<a rel="prev" href="/messages?page={{PAGE}}">Newer</a>{{/PREV}}
	{{#NEXT}}<a rel="next" href="/messages?page={{PAGE}}">Older</a>{{/NEXT}}
</nav>
