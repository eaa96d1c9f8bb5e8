{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Messages}}</h1>
{{#EMPTY}}<p class="empty-state" id="messages-empty">{{_ No messages yet.}}</p>{{/EMPTY}}
{{#UNREAD_ANY}}
<form method="post" action="/messages/read" id="mark-all-read">
	<input type="hidden" name="csrf" value="{{CSRF}}">
	<button type="submit" class="secondary">{{_ Mark all as read}}</button>
</form>
{{/UNREAD_ANY}}
{{#GROUP}}
<section class="message-group"{{#ORDER}} id="messages-order-{{ORDER_ID}}" aria-labelledby="messages-order-{{ORDER_ID}}-h"{{/ORDER}}>
{{#ORDER}}<h2 id="messages-order-{{ORDER_ID}}-h"><a href="/orders/{{ORDER_ID}}">{{_ Order #{ORDER_ID}}}</a></h2>{{/ORDER}}
<ul class="messages">
{{#MESSAGE}}
	<li class="message{{#UNREAD}} unread{{/UNREAD}}" id="message-{{ID}}">
		<h3>{{#UNREAD}}<span class="badge">{{_ New}}</span> {{/UNREAD}}{{SUBJECT}}</h3>
		<p class="field-note"><time>{{AT}}</time></p>
		<p class="wrap-anywhere">{{BODY}}</p>
		{{#LINK}}<p><a class="button" href="{{HREF}}">{{_ Open the invitation}}</a></p>{{/LINK}}
		{{#UNREAD}}<form method="post" action="/messages/{{ID}}/read"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link-button">{{_ Mark as read}}</button></form>{{/UNREAD}}
	</li>
{{/MESSAGE}}
</ul>
</section>
{{/GROUP}}
<nav class="pager" aria-label="{{_ Pages}}">
	{{#PREV}}<a rel="prev" href="/messages?page={{PAGE}}">{{_ Newer}}</a>{{/PREV}}
	{{#NEXT}}<a rel="next" href="/messages?page={{PAGE}}">{{_ Older}}</a>{{/NEXT}}
</nav>
