<p>{{VALUE}}</p>
