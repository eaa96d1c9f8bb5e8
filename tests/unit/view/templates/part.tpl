{{%AUTOESCAPE context="HTML"}}
<div class="part">{{INNER}}|{{GLOBAL}}|{{VALUE}}</div>
