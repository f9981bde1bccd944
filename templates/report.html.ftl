<#--
  Mangonel's HTML report: one self-contained page (inline CSS and SVG, no network fetches).
  Everything printed is HTML-escaped automatically (this file's name ends in .html.ftl).
  Data model: results (the results.json tree); functions ms(), num(), rate(), bytes(), pct(), and
  the charts (inline SVG, drawn by Mangonel): percentileChart(series, title),
  timeSeriesChart(run, title, unit), curveChart(frameworks, sloMs, unit, title),
  barChart(rows, unit, title), colorOf(label).
-->
<#assign r = results>
<#assign env = r.environment>
<#macro errorsCell m><td class="n<#if m.errors.total gt 0> bad</#if>">${num(m.errors.total)}<#if m.errors.total gt 0> (<#list m.errors?keys?filter(k -> k != "total" && m.errors[k] gt 0) as k>${k} ${num(m.errors[k])}<#sep>, </#list>)</#if></td></#macro>
<#macro swatch f><span class="sw" style="background:${colorOf(f.title)}"></span></#macro>
<#macro serverCells m><td class="n"><#if m.server??>${pct(m.server.cpu_pct)}<#else>–</#if></td><td class="n"><#if m.server??>${bytes(m.server.rss_max_bytes)}<#else>–</#if></td></#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${r.scenario.title}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2127; max-width: 1200px; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 1.8em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; } h3 { margin-top: 1.5em; }
  table { border-collapse: collapse; margin: .8em 0; font-variant-numeric: tabular-nums; }
  th, td { padding: .3em .7em; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
  th { background: #f5f6f8; } td.n, th.n { text-align: right; white-space: nowrap; }
  .wide { overflow-x: auto; } .wide td, .wide th { white-space: nowrap; }
  td.name { white-space: nowrap; } /* a framework's title stays on one line (it breaks at hyphens) */
  .wide th, .wide th.n { white-space: normal; } /* headings wrap, so the figures fit 1200 px */
  .sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: -.05em; }
  figure.chart { margin: 1em 0; break-inside: avoid; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: .5em 1.5em; }
  .charts figure.chart { margin: .3em 0; }
  details > summary { cursor: pointer; color: #3b4b63; margin: .6em 0; }
  .pass { color: #177245; font-weight: 600; } .fail { color: #b00020; font-weight: 600; }
  @media print { details { display: block; } details > summary { display: none; } body { max-width: none; } }
  code { background: #f3f3f3; padding: 0 .25em; border-radius: 3px; font-size: .92em; }
  .note { color: #555; } .warn { background: #fff4d6; padding: .5em .8em; border-left: 4px solid #e0a800; }
  .bad { color: #b00020; } .ok { color: #177245; } .skipped { color: #777; }
  svg text { font: 12px system-ui, sans-serif; fill: #1d2127; }
  pre { background: #f6f6f6; padding: .6em; overflow-x: auto; font-size: .85em; }
</style>
</head>
<body>
<h1>${r.scenario.title}</h1>
<#if r.scenario.description?has_content><p>${r.scenario.description}</p></#if>
<#if r.status == "interrupted"><p class="warn"><strong>This run was interrupted.</strong> The tables show what was measured before it stopped.</p></#if>

<h2>Setup</h2>
<ul>
  <li><strong>Machine:</strong> ${env.cpu_model!"unknown CPU"}, ${env.cores} cores, ${bytes(env.memory_bytes)} of memory; ${env.os!""} (${env.kernel!""}, ${env.arch!""}).</li>
  <li><strong>Software:</strong> ${env.java!""} (${env.jvm!""}), Mangonel ${r.engine.version}.</li>
  <li><strong>Scenario:</strong> <code>${r.scenario.file}</code> (sha256 <code>${r.scenario.sha256?substring(0, 12)}…</code>), run from ${r.started_at} to ${r.finished_at!"(unfinished)"} UTC.</li>
  <li><strong>Command:</strong> <code>${r.command}</code></li>
<#if r.shards??>
  <li><strong>Sharded:</strong> <#if r.shards.index??>this is shard ${r.shards.index} of ${r.shards.count}<#else>${r.shards.count} shards merged</#if>, on host<#if r.shards.hosts?size != 1>s</#if> ${r.shards.hosts?join(", ")}<#if r.shards.start_at??>, every window scheduled from ${r.shards.start_at}</#if>.<#if r.shards.index??> Each level is named by the whole run's load; the figures here are this shard's part of it (its share of the connections or clients, and in the open model one request in ${r.shards.count} of the schedule): <code>engine merge</code> puts the shards together.</#if><#if r.shards.late??> <span class="warn">${r.shards.late}.</span></#if></li>
<#elseif env.servers?? && env.servers?size gt 0>
  <li><strong>Client:</strong> ${env.client.hostname!"this machine"}. <strong>Servers over SSH:</strong><#list env.servers?keys as h><#assign sv = env.servers[h]> ${h} (<#if sv.error??>not reached: ${sv.error}<#else>${sv.cpu_model!"unknown CPU"}, ${sv.cores!"?"} cores, ${bytes(sv.memory_bytes!0)}, ${sv.os!""}<#if sv.rtt_ms??>; round trip ${ms(sv.rtt_ms.median)} median of ${sv.rtt_ms.samples} TCP handshakes</#if></#if>) for ${sv.frameworks?join(", ")}<#sep>;</#list>.</li>
<#else>
  <li>Client and server on one machine, over loopback unless a framework's URL says otherwise.</li>
</#if>
</ul>

<#list r.benchmarks as b>
<#assign s = b.settings>
<h2>${b.title}</h2>
<#if b.description?has_content><p>${b.description}</p></#if>
<p class="note"><strong>How it was measured.</strong>
<#import "protocols/" + b.protocol + ".html.ftl" as p>
<@p.method b s/>
</p>

<#if s.shared_cores??>
<p class="note"><strong>Shared cores:</strong> ${s.shared_cores}. A client sharing cores with the server it measures takes CPU the server could use; pin them apart (<code>cpus:</code> and <code>client_cpus:</code>) for figures about the server alone.</p>
</#if>
<#if s.client_cpus??>
<p class="note">The client was <#if s.client_cpus_note??>meant to be pinned to CPU ${s.client_cpus}, but ${s.client_cpus_note}<#else>pinned to CPU ${s.client_cpus}</#if>; the servers' CPUs are in the table below.</p>
</#if>
<#assign pinned = b.frameworks?filter(f -> f.cpus??)?size gt 0>
<table>
<tr><th>Framework</th><th>Version</th><th>Started with</th><#if pinned><th>CPUs</th></#if><th>Status</th></tr>
<#list b.frameworks as f>
<tr><td class="name"><@swatch f/>${f.title}</td><td>${f.version!"–"}</td><td><#if f.start??><code>${f.start}</code><#else>already running at ${f.url}</#if></td>
<#if pinned><td>${f.cpus!"any"}<#if f.cpus_note??> (not pinned: ${f.cpus_note})</#if></td></#if>
<td class="${f.status}">${f.status?replace("_", " ")}<#if f.reason??>: ${f.reason}</#if></td></tr>
</#list>
</table>

<#assign perSecond = b.success_unit + "/s">
<#-- latency against throughput: every level measured (and every capacity probe) per framework -->
<#assign curves = []>
<#assign curvePoints = 0>
<#list b.frameworks as f>
<#assign pts = []>
<#list f.levels?filter(l -> l.summary??) as l><#assign pts = pts + [{"rps": l.summary.rps, "p50": l.summary.latency_ms.p50, "p99": l.summary.latency_ms.p99, "probe": false}]></#list>
<#if f.capacity??><#list f.capacity.probes as pr><#assign pts = pts + [{"rps": pr.rps, "p50": pr.p50_ms, "p99": pr.p99_ms, "met": pr.met, "probe": true}]></#list></#if>
<#if pts?size gt 0><#assign curves = curves + [{"label": f.title, "points": pts}]><#assign curvePoints = curvePoints + pts?size></#if>
</#list>
<#if b.capacity??>
<#assign cap = b.capacity>
<h3>Capacity: the highest load each framework sustained with p99 ≤ ${ms(cap.slo_p99_ms)} and at most ${cap.errors_pct}% failing</h3>
<p class="note">Searched from ${rate(cap.from)} to ${rate(cap.to)} (${cap.vary?replace("_", " ")}), at most ${cap.probes} short windows per framework (bracketing, then bisection), then the load found was measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if>. Ranked by what was sustained.</p>
<#assign capRows = []>
<#list b.frameworks?filter(f -> f.capacity??) as f><#assign capRows = capRows + [{"f": f, "sustained": f.capacity.achieved!0}]></#list>
<table>
<tr><th>Framework</th><th class="n">Capacity</th><th class="n">At</th><th class="n">p99 there</th><th>Probes (✓ met, ✗ missed)</th></tr>
<#list capRows?sort_by("sustained")?reverse as cr>
<#assign f = cr.f, fc = f.capacity>
<tr><td class="name"><@swatch f/>${f.title}</td><td class="n"><#if fc.achieved??><strong>${rate(fc.achieved)} ${perSecond}</strong><#else>none</#if></td><td class="n"><#if fc.load??>${rate(fc.load)} ${fc.unit}<#else>–</#if></td>
<td class="n<#if f.levels?size gt 0 && f.levels?last.summary?? && f.levels?last.summary.latency_ms.p99 gt cap.slo_p99_ms> bad</#if>"><#if f.levels?size gt 0 && f.levels?last.summary??>${ms(f.levels?last.summary.latency_ms.p99)}<#else>–</#if></td>
<td><#list fc.probes as pr>${rate(pr.load)}<#if pr.met> ✓<#else> ✗</#if><#sep>, </#list><#if fc.reason??> — ${fc.reason}</#if></td></tr>
</#list>
</table>
</#if>
<#if curves?size gt 0 && (b.capacity?? || curvePoints gt curves?size)>
<figure class="chart">${curveChart(curves, (b.capacity.slo_p99_ms)!"", b.success_unit, "Latency against throughput" + (b.capacity??)?then(" (capacity probes hollow, ✗ missed the SLO)", ", one point per level"))}</figure>
</#if>

<#-- one table per level: a concurrency level, at a rate in the open model -->
<#assign levelKeys = []>
<#list b.frameworks as f><#list f.levels?filter(l -> l.status != "superseded") as l><#assign key = l.concurrency + "@" + (l.rate??)?then(l.rate.label, "")><#if !levelKeys?seq_contains(key)><#assign levelKeys = levelKeys + [key]></#if></#list></#list>
<#list levelKeys as levelKey>
<#assign c = levelKey?keep_before("@")?number>
<#assign rateLabel = levelKey?keep_after("@")>
<#assign rows = []>
<#list b.frameworks as f>
<#list f.levels as l>
<#if l.concurrency + "@" + (l.rate??)?then(l.rate.label, "") == levelKey && l.summary?? && l.status != "superseded">
<#assign rows = rows + [{"f": f, "l": l, "rps": l.summary.rps, "rank": p.rank(l.summary)}]>
</#if>
</#list>
</#list>
<#assign rows = rows?sort_by("rank")>
<h3>${b.title}: ${c} ${b.level_unit}<#if c != 1>s</#if><#if rateLabel?has_content> at ${rateLabel}</#if></h3>
<#if rows?size == 0>
<p>Nothing was measured at this level.</p>
<#else>
<#assign bars = [], series = []>
<#list rows as row>
<#assign bars = bars + [p.bar(row.l.summary) + {"label": row.f.title}]>
<#assign series = series + [{"label": row.f.title, "histogram": row.l.summary.histogram!""}]>
</#list>
<figure class="chart">${barChart(bars, p.barUnit(b), p.barTitle(b) + ", " + c + " " + b.level_unit + (c != 1)?then("s", "") + rateLabel?has_content?then(" at " + rateLabel, "") + (rows[0].l.summary.of gt 1)?then("; whiskers: lowest to highest of the runs", ""))}</figure>
<div class="wide"><table>
<@p.header/>
<#list rows as row>
<@p.row row.f row.l.summary/>
</#list>
</table></div>
<figure class="chart">${percentileChart(series, "Latency by percentile, " + c + " " + b.level_unit + (c != 1)?then("s", "") + rateLabel?has_content?then(" at " + rateLabel, "") + " (the runs the table shows)")}</figure>
<#list rows as row><#if row.l.summary.open_model??><#assign om = row.l.summary.open_model><#if om.achieved_pct lt 99 || om.unsent gt 0>
<p class="warn"><strong>${row.f.title} could not keep up:</strong> it answered ${num(om.achieved_rps)} requests/second of the ${num(om.target_rps)} scheduled (${om.achieved_pct}%); ${num(om.delayed)} requests waited more than 1 ms for a free connection and ${num(om.unsent)} were never sent. Their latency counts from when they were due.</p>
</#if></#if></#list>
<#assign spreadRows = rows?filter(row -> row.l.summary.of gt 1)>
<#if spreadRows?size gt 0>
<p class="note">Spread of ${perSecond} over the runs: <#list spreadRows as row>${row.f.title} ${rate(row.l.summary.spread.rps_min)}–${rate(row.l.summary.spread.rps_max)} (CV ${row.l.summary.spread.rps_cv_pct}%<#if row.l.summary.of != s.repetitions>, ${row.l.summary.of} runs</#if>)<#sep>; </#list>.</p>
</#if>
<#list rows?filter(row -> row.l.summary.of lt s.repetitions && !row.l.summary.partial) as row>
<p class="note">${row.f.title}: ${row.l.summary.of} of the ${s.repetitions} runs measured something; the row is chosen from those.</p>
</#list>
<#if s.aggregate == "median" && rows?filter(row -> row.l.summary.of % 2 == 0)?size gt 0>
<p class="note">With an even number of runs the median shown is the lower of the two middle runs (by ${perSecond}).</p>
</#if>
<#list rows as row><#if row.l.summary.partial>
<p class="warn"><strong>Partial:</strong> ${row.f.title}'s figures come from a window cut short by an interruption.</p>
</#if><#if row.l.summary.client_saturated>
<p class="warn"><strong>Warning:</strong> for ${row.f.title} the client's busiest event loop was over 90% busy: the client may have limited this figure.</p>
</#if></#list>
<#if p.details??><@p.details rows/></#if>
<#-- over time: the run each row shows (every run for a mean), warm-up shaded -->
<#assign shown = []>
<#list rows as row><#list row.l.runs?filter(run -> run.series?? && run.series?size gt 0 && (!(row.l.summary.chosen_repetition??) || run.repetition == row.l.summary.chosen_repetition)) as run><#assign shown = shown + [{"f": row.f, "run": run}]></#list></#list>
<#if shown?size gt 0>
<details open><summary>${perSecond?cap_first} and latency second by second (${shown?size} run<#if shown?size != 1>s</#if>)</summary>
<div class="charts">
<#list shown as x>
<figure class="chart">${timeSeriesChart(x.run, x.f.title + ", run " + x.run.repetition, b.success_unit)}</figure>
</#list>
</div>
</details>
</#if>
</#if>
<#list b.frameworks as f><#list f.levels as l><#if l.concurrency + "@" + (l.rate??)?then(l.rate.label, "") == levelKey && l.status != "ok">
<p class="<#if l.status == "superseded">note<#else>bad</#if>">${f.title}: ${l.status}<#if l.reason??> (${l.reason})</#if></p>
</#if></#list></#list>
</#list>
<#if b.thresholds?? && b.thresholds?size gt 0>
<#assign checks = []>
<#list b.frameworks as f><#list f.levels as l><#list l.thresholds![] as t><#assign checks = checks + [{"f": f, "l": l, "t": t}]></#list></#list></#list>
<#assign failedChecks = checks?filter(x -> !x.t.passed)>
<h3>Thresholds</h3>
<#if checks?size == 0>
<p>Declared (${b.thresholds?join(", ")}), but nothing was measured to check them against.</p>
<#else>
<p class="<#if failedChecks?size == 0>pass<#else>fail</#if>"><#if failedChecks?size == 0>All ${checks?size} checks passed<#else>${failedChecks?size} of ${checks?size} checks failed</#if>, each on the figure its table shows.</p>
<table>
<tr><th>Framework</th><th>Level</th><th>Threshold</th><th class="n">Measured</th><th>Result</th></tr>
<#list checks as x>
<tr><td><@swatch x.f/>${x.f.title}</td><td>${x.l.concurrency} ${b.level_unit}<#if x.l.concurrency != 1>s</#if><#if x.l.rate??> at ${x.l.rate.label}</#if></td><td><code>${x.t.threshold}</code></td><td class="n">${measured(x.t.threshold, x.t.actual)}</td><td class="<#if x.t.passed>pass<#else>fail</#if>"><#if x.t.passed>passed<#else>FAILED</#if></td></tr>
</#list>
</table>
</#if>
</#if>
<#assign notOk = b.frameworks?filter(f -> f.status != "ok" && f.status != "interrupted")>
<#if notOk?size gt 0>
<p><strong>Not measured:</strong></p>
<ul>
<#list notOk as f>
<li><strong>${f.title}</strong> <span class="${f.status}">${f.status?replace("_", " ")}</span>: ${f.reason!""}<#if f.log_tail??><pre>${f.log_tail}</pre></#if></li>
</#list>
</ul>
</#if>
</#list>
<hr>
<p class="note">Produced by Mangonel ${r.engine.version} from <code>results.json</code> (schema ${r.schema}); re-render with <code>engine report results.json</code>.</p>
</body>
</html>
