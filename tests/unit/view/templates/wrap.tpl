{{%AUTOESCAPE context="HTML"}}
<main>{{>BODY}}</main>
