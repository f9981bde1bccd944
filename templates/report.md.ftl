<#--
  Mangonel's Markdown report. Data model:
    results  the results.json tree (see docs/DESIGN.md: schema, scenario, environment, benchmarks, ...)
    ms(x) num(x[, decimals]) rate(x) bytes(x) pct(x) md(text)   formatting functions
  To change the page, copy this file into a folder and run with --templates FOLDER
  (or: engine report results.json --template FILE).
-->
<#assign r = results>
<#assign env = r.environment>
<#macro errors m>${num(m.errors.total)}<#if m.errors.total gt 0> (<#list m.errors?keys?filter(k -> k != "total" && m.errors[k] gt 0) as k>${k} ${num(m.errors[k])}<#sep>, </#list>)</#if></#macro>
<#macro server m><#if m.server??>${pct(m.server.cpu_pct)} | ${bytes(m.server.rss_max_bytes)}<#else>– | –</#if></#macro>
# ${md(r.scenario.title)}

<#if r.scenario.description?has_content>
${md(r.scenario.description)}

</#if>
<#if r.status == "interrupted">
> **This run was interrupted.** The tables show what was measured before it stopped.

</#if>
## Setup

- **Machine:** ${md(env.cpu_model!"unknown CPU")}, ${env.cores} cores, ${bytes(env.memory_bytes)} of memory; ${md(env.os!"")} (${md(env.kernel!"")}, ${md(env.arch!"")}).
- **Software:** ${md(env.java!"")} (${md(env.jvm!"")}), Mangonel ${r.engine.version}.
- **Scenario:** `${r.scenario.file}` (sha256 `${r.scenario.sha256?substring(0, 12)}…`), run from ${r.started_at} to ${r.finished_at!"(unfinished)"} UTC.
- **Command:** `${r.command}`
<#if r.shards??>
- **Sharded:** <#if r.shards.index??>this is shard ${r.shards.index} of ${r.shards.count}<#else>${r.shards.count} shards merged</#if>, on host<#if r.shards.hosts?size != 1>s</#if> ${r.shards.hosts?join(", ")}<#if r.shards.start_at??>, every window scheduled from ${r.shards.start_at}</#if>.<#if r.shards.index??> Each level is named by the whole run's load; the figures here are this shard's part of it (its share of the connections or clients, and in the open model one request in ${r.shards.count} of the schedule): `engine merge` puts the shards together.</#if><#if r.shards.late??> **Note:** ${md(r.shards.late)}.</#if>
<#elseif env.servers?? && env.servers?size gt 0>
- **Client:** ${md(env.client.hostname!"this machine")}. **Servers over SSH:**<#list env.servers?keys as h><#assign sv = env.servers[h]> ${md(h)} (<#if sv.error??>not reached: ${md(sv.error)}<#else>${md(sv.cpu_model!"unknown CPU")}, ${sv.cores!"?"} cores, ${bytes(sv.memory_bytes!0)}, ${md(sv.os!"")}<#if sv.rtt_ms??>; round trip ${ms(sv.rtt_ms.median)} median of ${sv.rtt_ms.samples} TCP handshakes</#if></#if>) for ${md(sv.frameworks?join(", "))}<#sep>;</#list>.
<#else>
- **Client and server on one machine**, over loopback unless a framework's URL says otherwise.
</#if>

<#list r.benchmarks as b>
<#assign s = b.settings>
## ${md(b.title)}

<#if b.description?has_content>
${md(b.description)}

</#if>
<#import "protocols/" + b.protocol + ".md.ftl" as p>
<@p.method b s/>

<#if s.shared_cores??>
**Shared cores:** ${md(s.shared_cores)}. A client sharing cores with the server it measures takes CPU the server could use; pin them apart (`cpus:` and `client_cpus:`) for figures about the server alone.

</#if>
<#if s.client_cpus??>
The client was <#if s.client_cpus_note??>meant to be pinned to CPU ${s.client_cpus}, but ${md(s.client_cpus_note)}<#else>pinned to CPU ${s.client_cpus}</#if>; the servers' CPUs are in the table below.

</#if>
<#assign pinned = b.frameworks?filter(f -> f.cpus??)?size gt 0>
| Framework | Version | Started with |<#if pinned> CPUs |</#if> Status |
|---|---|---|<#if pinned>---|</#if>---|
<#list b.frameworks as f>
| ${md(f.title)} | ${md(f.version!"–")} | <#if f.start??>`${f.start?replace("`", "'")}`<#else>already running at ${md(f.url)}</#if> |<#if pinned> ${f.cpus!"any"}<#if f.cpus_note??> (not pinned: ${md(f.cpus_note)})</#if> |</#if> ${f.status?replace("_", " ")}<#if f.reason??>: ${md(f.reason)}</#if> |
</#list>

<#if b.capacity??>
<#assign cap = b.capacity>
### Capacity: the highest load each framework sustained with p99 ≤ ${ms(cap.slo_p99_ms)} and at most ${cap.errors_pct}% failing

Searched from ${rate(cap.from)} to ${rate(cap.to)} (${cap.vary?replace("_", " ")}), at most ${cap.probes} short windows per framework (bracketing, then bisection), then the load found was measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if>. Ranked by what was sustained.

| Framework | Capacity | At | p99 there | Probes |
|---|---:|---:|---:|---|
<#assign capRows = []>
<#list b.frameworks?filter(f -> f.capacity??) as f><#assign capRows = capRows + [{"f": f, "sustained": f.capacity.achieved!0}]></#list>
<#list capRows?sort_by("sustained")?reverse as cr>
<#assign f = cr.f>
<#assign fc = f.capacity>
| ${md(f.title)} | <#if fc.achieved??>**${num(fc.achieved)} ${b.success_unit}/s**<#else>none</#if> | <#if fc.load??>${rate(fc.load)} ${fc.unit}<#else>–</#if> | <#if f.levels?size gt 0 && f.levels?last.summary??>${ms(f.levels?last.summary.latency_ms.p99)}<#else>–</#if> | <#list fc.probes as pr>${rate(pr.load)}<#if pr.met> ✓<#else> ✗</#if><#sep>, </#list> — ${md(fc.reason!"")} |
</#list>

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
### ${md(b.title)}: ${c} ${b.level_unit}<#if c != 1>s</#if><#if rateLabel?has_content> at ${rateLabel}</#if>

<#if rows?size == 0>
Nothing was measured at this level.

<#else>
<@p.header/>
<#list rows as row>
<@p.row row.f row.l.summary/>
</#list>

<#list rows as row>
<#if row.l.summary.open_model??>
<#assign om = row.l.summary.open_model>
<#if om.achieved_pct lt 99 || om.unsent gt 0>
> **${md(row.f.title)} could not keep up:** it answered ${num(om.achieved_rps)} requests/second of the ${num(om.target_rps)} scheduled (${om.achieved_pct}%); ${num(om.delayed)} requests waited more than 1 ms for a free connection and ${num(om.unsent)} were never sent. Their latency counts from when they were due.

</#if>
</#if>
</#list>
<#assign spreadRows = rows?filter(row -> row.l.summary.of gt 1)>
<#if spreadRows?size gt 0>
Spread of ${b.success_unit}/second over the runs: <#list spreadRows as row>${md(row.f.title)} ${rate(row.l.summary.spread.rps_min)}–${rate(row.l.summary.spread.rps_max)} (CV ${row.l.summary.spread.rps_cv_pct}%<#if row.l.summary.of != s.repetitions>, ${row.l.summary.of} runs</#if>)<#sep>; </#list>.

</#if>
<#list rows?filter(row -> row.l.summary.of lt s.repetitions && !row.l.summary.partial) as row>
> ${md(row.f.title)}: ${row.l.summary.of} of the ${s.repetitions} runs measured something; the row is chosen from those.

</#list>
<#if s.aggregate == "median" && rows?filter(row -> row.l.summary.of % 2 == 0)?size gt 0>
With an even number of runs the median shown is the lower of the two middle runs (by ${b.success_unit}/second).

</#if>
<#if p.details??><@p.details rows/></#if>
<#list rows as row>
<#if row.l.summary.partial>
> **Partial:** ${md(row.f.title)}'s figures come from a window cut short by an interruption.

</#if>
<#if row.l.summary.client_saturated>
> **Warning:** for ${md(row.f.title)} the client's busiest event loop was over 90% busy: the client may have limited this figure. Use more `threads`, or fewer connections.

</#if>
</#list>
</#if>
<#assign unmeasured = []>
<#list b.frameworks as f><#list f.levels as l><#if l.concurrency + "@" + (l.rate??)?then(l.rate.label, "") == levelKey && l.status != "ok"><#assign unmeasured = unmeasured + [{"f": f, "l": l}]></#if></#list></#list>
<#list unmeasured as x>
- ${md(x.f.title)}: ${x.l.status}<#if x.l.reason??> (${md(x.l.reason)})</#if>
</#list>
<#if unmeasured?size gt 0>

</#if>
</#list>
<#if b.thresholds?? && b.thresholds?size gt 0>
<#assign checks = []>
<#list b.frameworks as f><#list f.levels as l><#list l.thresholds![] as t><#assign checks = checks + [{"f": f, "l": l, "t": t}]></#list></#list></#list>
### Thresholds

<#assign failedChecks = checks?filter(x -> !x.t.passed)>
<#if checks?size == 0>
Declared (${b.thresholds?join(", ")}), but nothing was measured to check them against.
<#else>
**<#if failedChecks?size == 0>All ${checks?size} checks passed<#else>${failedChecks?size} of ${checks?size} checks failed</#if>**, each on the figure its table shows:

| Framework | Level | Threshold | Measured | Result |
|---|---|---|---:|---|
<#list checks as x>
| ${md(x.f.title)} | ${x.l.concurrency} ${b.level_unit}<#if x.l.concurrency != 1>s</#if><#if x.l.rate??> at ${x.l.rate.label}</#if> | `${x.t.threshold}` | ${measured(x.t.threshold, x.t.actual)} | <#if x.t.passed>passed<#else>**FAILED**</#if> |
</#list>
</#if>

</#if>
<#assign notOk = b.frameworks?filter(f -> f.status != "ok" && f.status != "interrupted")>
<#if notOk?size gt 0>
**Not measured:**

<#list notOk as f>
- **${md(f.title)}** ${f.status?replace("_", " ")}: ${md(f.reason!"")}<#if f.log_tail??> — last lines of `${f.log!""}`:</#if>
<#if f.log_tail??>

  ```
  ${f.log_tail?replace("\n", "\n  ")}
  ```
</#if>
</#list>

</#if>
</#list>

---
Produced by Mangonel ${r.engine.version} from `results.json` (schema ${r.schema}); re-render with `engine report results.json`.
