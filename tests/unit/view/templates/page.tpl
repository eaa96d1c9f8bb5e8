{{%AUTOESCAPE context="HTML"}}
<p class="v">{{VALUE}}</p>
<a href="/p?q={{VALUE}}" title="{{VALUE}}">x</a>
{{#SHOWN}}<p>shown {{VALUE}}</p>{{/SHOWN}}
{{#HIDDEN}}<p>hidden</p>{{/HIDDEN}}
<ul>
{{#ROW}}<li>{{NAME}}={{N}}</li>
{{/ROW}}
</ul>
{{>PART}}
