<#--
  engine compare as a self-contained HTML page (see compare.md.ftl for the data model).
  Everything printed is HTML-escaped.
-->
<#assign c = comparison>
<#macro value v unit><#if unit == "ms">${ms(v)}<#elseif unit == "%">${num(v, 2)}%<#else>${num(v)}${unit}</#if></#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compare: ${c.b.scenario}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2127; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
  table { border-collapse: collapse; margin: .8em 0; font-variant-numeric: tabular-nums; }
  th, td { padding: .3em .7em; border-bottom: 1px solid #e4e4e4; text-align: left; white-space: nowrap; }
  th { background: #f5f6f8; } td.n { text-align: right; }
  .worse { color: #b00020; font-weight: 600; } .better { color: #177245; } .noise { color: #666; }
  code { background: #f3f3f3; padding: 0 .25em; border-radius: 3px; }
  .warn { background: #fff4d6; padding: .5em .8em; border-left: 4px solid #e0a800; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: .5em 1.5em; }
  figure.chart { margin: .3em 0; break-inside: avoid; }
</style>
</head>
<body>
<h1>Compare: ${c.b.scenario}</h1>
<ul>
  <li><strong>A</strong> (baseline): <code>${c.a.name}</code>, run ${c.a.started_at}</li>
  <li><strong>B</strong>: <code>${c.b.name}</code>, run ${c.b.started_at}</li>
</ul>
<#if c.a.sha256 != c.b.sha256><p class="warn">The two runs used different scenario files.</p></#if>
<p><strong>${c.worse} worse, ${c.better} better, ${c.within_noise} within noise.</strong> A change is <em>within noise</em> when it is no larger than that figure's spread over either run's repetitions (or 5% when a run has a single repetition).</p>
<#if c.regression_pct?? && c.regressions?size gt 0>
<p class="warn"><strong>Regressions beyond ${c.regression_pct}%:</strong></p>
<ul><#list c.regressions as r><li>${r}</li></#list></ul>
</#if>
<#if c.only_a?size gt 0><p class="warn"><strong>Measured in A only</strong> (not compared): <#list c.only_a as x>${x}<#sep>; </#list>.</p></#if>
<#if c.only_b?size gt 0><p><strong>Measured in B only</strong> (not compared): <#list c.only_b as x>${x}<#sep>; </#list>.</p></#if>
<table>
<tr><th>Benchmark</th><th>Framework</th><th>Level</th><th>Figure</th><th class="n">A</th><th class="n">B</th><th class="n">Change</th><th class="n">Noise</th><th>Verdict</th></tr>
<#list c.levels as l>
<#list l.rows as r>
<tr><td>${l.benchmark}</td><td>${l.framework}</td><td>${l.level}</td><td>${r.metric}</td><td class="n"><@value r.a r.unit/></td><td class="n"><@value r.b r.unit/></td>
<td class="n">${r.change_pct?string("+0.0;-0.0")}%</td><td class="n">±${r.noise_pct}<#if r.unit == "%"> pt<#else>%</#if></td><td class="<#if r.verdict == "worse">worse<#elseif r.verdict == "better">better<#else>noise</#if>">${r.verdict}</td></tr>
</#list>
</#list>
</table>
<h2>Latency by percentile, A against B</h2>
<div class="charts">
<#list c.levels as l>
<figure class="chart">${percentileChart([{"label": "A: " + l.framework, "key": "A", "histogram": l.a_histogram!""}, {"label": "B: " + l.framework, "key": "B", "histogram": l.b_histogram!""}], l.benchmark + " · " + l.framework + " · " + l.level)}</figure>
</#list>
</div>
<hr>
<p>Produced by <code>engine compare</code>.</p>
</body>
</html>
