{{%AUTOESCAPE context="HTML"}}
{{#OPEN}}<p>never closed</p>
