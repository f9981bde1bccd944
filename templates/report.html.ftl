<#--
  Mangonel's HTML report: one self-contained page (inline CSS and SVG, no network fetches).
  Everything printed is HTML-escaped automatically (this file's name ends in .html.ftl).
  Data model: results (the results.json tree); functions ms(), num(), bytes(), pct().
-->
<#assign r = results>
<#assign env = r.environment>
<#macro errorsCell m><td class="n<#if m.errors.total gt 0> bad</#if>">${num(m.errors.total)}<#if m.errors.total gt 0> (<#list m.errors?keys?filter(k -> k != "total" && m.errors[k] gt 0) as k>${k} ${num(m.errors[k])}<#sep>, </#list>)</#if></td></#macro>
<#macro serverCells m><td class="n"><#if m.server??>${pct(m.server.cpu_pct)}<#else>–</#if></td><td class="n"><#if m.server??>${bytes(m.server.rss_max_bytes)}<#else>–</#if></td></#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${r.scenario.title}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2127; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 1.8em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; } h3 { margin-top: 1.5em; }
  table { border-collapse: collapse; margin: .8em 0; font-variant-numeric: tabular-nums; }
  th, td { padding: .3em .7em; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
  th { background: #f5f6f8; } td.n, th.n { text-align: right; }
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
  <li><strong>Sharded:</strong> <#if r.shards.index??>this is shard ${r.shards.index} of ${r.shards.count}<#else>${r.shards.count} shards merged</#if>, on host<#if r.shards.hosts?size != 1>s</#if> ${r.shards.hosts?join(", ")}<#if r.shards.start_at??>, every window scheduled from ${r.shards.start_at}</#if>.<#if r.shards.late??> <span class="warn">${r.shards.late}.</span></#if></li>
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

<#if s.client_cpus??>
<p class="note">The client was <#if s.client_cpus_note??>meant to be pinned to CPU ${s.client_cpus}, but ${s.client_cpus_note}<#else>pinned to CPU ${s.client_cpus}</#if>; the servers' CPUs are in the table below.</p>
</#if>
<#assign pinned = b.frameworks?filter(f -> f.cpus??)?size gt 0>
<table>
<tr><th>Framework</th><th>Version</th><th>Started with</th><#if pinned><th>CPUs</th></#if><th>Status</th></tr>
<#list b.frameworks as f>
<tr><td>${f.title}</td><td>${f.version!"–"}</td><td><#if f.start??><code>${f.start}</code><#else>already running at ${f.url}</#if></td>
<#if pinned><td>${f.cpus!"any"}<#if f.cpus_note??> (not pinned: ${f.cpus_note})</#if></td></#if>
<td class="${f.status}">${f.status}<#if f.reason??>: ${f.reason}</#if></td></tr>
</#list>
</table>

<#-- one table per level: a concurrency level, at a rate in the open model -->
<#assign levelKeys = []>
<#list b.frameworks as f><#list f.levels as l><#assign key = l.concurrency + "@" + (l.rate??)?then(l.rate.label, "")><#if !levelKeys?seq_contains(key)><#assign levelKeys = levelKeys + [key]></#if></#list></#list>
<#list levelKeys as levelKey>
<#assign c = levelKey?keep_before("@")?number>
<#assign rateLabel = levelKey?keep_after("@")>
<#assign rows = []>
<#list b.frameworks as f>
<#list f.levels as l>
<#if l.concurrency + "@" + (l.rate??)?then(l.rate.label, "") == levelKey && l.summary??>
<#assign rows = rows + [{"f": f, "l": l, "rps": l.summary.rps, "rank": p.rank(l.summary)}]>
</#if>
</#list>
</#list>
<#assign rows = rows?sort_by("rank")>
<h3>${b.title}: ${c} ${b.level_unit}<#if c != 1>s</#if><#if rateLabel?has_content> at ${rateLabel}</#if></h3>
<#if rows?size == 0>
<p>Nothing was measured at this level.</p>
<#else>
<#assign maxRps = 0>
<#list rows as row><#if row.rps gt maxRps><#assign maxRps = row.rps></#if></#list>
<#assign barH = 24, labelW = 180, chartW = 520>
<#assign perSecond = b.success_unit + "/s">
<svg width="${labelW + chartW + 130}" height="${rows?size * (barH + 8) + 10}" role="img" aria-label="${perSecond}, level ${c}">
<#list rows as row>
<#assign y = row?index * (barH + 8) + 5>
<#assign w = (maxRps gt 0)?then(row.rps / maxRps * chartW, 0)>
  <text x="${labelW - 8}" y="${y + barH * 0.68}" text-anchor="end">${row.f.title}</text>
  <rect x="${labelW}" y="${y}" width="${w?string("0.#")}" height="${barH}" fill="#3b6fb6" rx="2"></rect>
  <text x="${labelW + w + 6}" y="${y + barH * 0.68}">${num(row.rps)} ${perSecond}</text>
</#list>
</svg>
<table>
<@p.header/>
<#list rows as row>
<@p.row row.f row.l.summary/>
</#list>
</table>
<#list rows as row><#if row.l.summary.open_model??><#assign om = row.l.summary.open_model><#if om.achieved_pct lt 99 || om.unsent gt 0>
<p class="warn"><strong>${row.f.title} could not keep up:</strong> it answered ${num(om.achieved_rps)} requests/second of the ${num(om.target_rps)} sent on schedule (${om.achieved_pct}%); ${num(om.delayed)} requests waited more than 1 ms for a free connection and ${num(om.unsent)} were never sent. Their latency counts from when they were due.</p>
</#if></#if></#list>
<#if s.repetitions gt 1>
<p class="note">Spread of ${perSecond} over the runs: <#list rows as row>${row.f.title} ${num(row.l.summary.spread.rps_min)}–${num(row.l.summary.spread.rps_max)} (CV ${row.l.summary.spread.rps_cv_pct}%)<#sep>; </#list>.</p>
</#if>
<#list rows as row><#if row.l.summary.partial>
<p class="warn"><strong>Partial:</strong> ${row.f.title}'s figures come from a window cut short by an interruption.</p>
</#if><#if row.l.summary.client_saturated>
<p class="warn"><strong>Warning:</strong> for ${row.f.title} the client's busiest event loop was over 90% busy: the client may have limited this figure.</p>
</#if></#list>
</#if>
<#list b.frameworks as f><#list f.levels as l><#if l.concurrency + "@" + (l.rate??)?then(l.rate.label, "") == levelKey && l.status != "ok">
<p class="bad">${f.title}: ${l.status}<#if l.reason??> (${l.reason})</#if></p>
</#if></#list></#list>
</#list>
<#assign notOk = b.frameworks?filter(f -> f.status != "ok" && f.status != "interrupted")>
<#if notOk?size gt 0>
<p><strong>Not measured:</strong></p>
<ul>
<#list notOk as f>
<li><strong>${f.title}</strong> <span class="${f.status}">${f.status}</span>: ${f.reason!""}<#if f.log_tail??><pre>${f.log_tail}</pre></#if></li>
</#list>
</ul>
</#if>
</#list>
<hr>
<p class="note">Produced by Mangonel ${r.engine.version} from <code>results.json</code> (schema ${r.schema}); re-render with <code>engine report results.json</code>.</p>
</body>
</html>
