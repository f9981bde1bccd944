<#--
  Mangonel's Markdown report. Data model:
    results  the results.json tree (see DESIGN.md: schema, scenario, environment, benchmarks, ...)
    ms(x) num(x[, decimals]) bytes(x) pct(x) md(text)   formatting functions
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
- **Client and server on one machine**, over loopback unless a framework's URL says otherwise.

<#list r.benchmarks as b>
<#assign s = b.settings>
## ${md(b.title)}

<#if b.description?has_content>
${md(b.description)}

</#if>
<#if b.protocol == "chat">
<#assign w = b.workload>
**How it was measured.** Mangonel's own chat clients, open model: every client connects<#if w.join??> and sends a join line (`${w.join?replace("`", "'")}`)</#if>, then sends ${num(w.message_rate_per_client, 2)} message<#if w.message_rate_per_client != 1>s</#if> of ${w.message_bytes} bytes per second on a fixed schedule, whatever the server does; the server must relay every line to every other client.
Delivery latency runs from when a message was due to when each recipient read it, so a server that stalls shows in the percentiles. Deliveries still missing ${w.drain_s}s after the window count as lost.
Each level was measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if>.
Each row shows <#if s.aggregate == "best">the best run (most deliveries/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median deliveries/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs (latency from all their samples)</#if>.
<#else>
**How it was measured.** Mangonel's own HTTP/1.1 client, <#if s.rates?? && s.rates?size gt 0>open model: requests are sent on a fixed schedule (at the rate in each table's heading) spread evenly over the connections, whatever the server does; each connection keeps at most ${b.workload.pipeline!1} request<#if (b.workload.pipeline!1) gt 1>s</#if> in flight, and a request its connection could not send on time waits with its clock running (as wrk2 measures)<#else>closed model: each connection keeps <#if (b.workload.pipeline!1) gt 1>${b.workload.pipeline!1} pipelined requests<#else>one request</#if> in flight and sends the next as soon as a response arrives (as siege and wrk do)</#if><#if !(b.workload.keepalive)>, with a new connection for every request (keep-alive off)</#if>. URLs: <#list b.workload.urls as u>`${u.method} ${u.path}`<#if b.workload.urls?size gt 1> (weight ${u.weight})</#if><#sep>, </#list><#if b.workload.urls?size gt 1>, ${b.workload.order} order</#if>.
Each concurrency level was measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if> and a ${ms(s.timeout_ms)} timeout per request.
Each row shows <#if s.aggregate == "best">the best run (highest requests/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median requests/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs (latency from all their samples)</#if>.
Latency is counted from when each request was due (the moment its connection became free), so delays in the client count too; a failed request is never a latency sample.
</#if>

<#if s.client_cpus??>
The client was <#if s.client_cpus_note??>meant to be pinned to CPU ${s.client_cpus}, but ${md(s.client_cpus_note)}<#else>pinned to CPU ${s.client_cpus}</#if>; the servers' CPUs are in the table below.

</#if>
<#assign pinned = b.frameworks?filter(f -> f.cpus??)?size gt 0>
| Framework | Version | Started with |<#if pinned> CPUs |</#if> Status |
|---|---|---|<#if pinned>---|</#if>---|
<#list b.frameworks as f>
| ${md(f.title)} | ${md(f.version!"–")} | <#if f.start??>`${f.start?replace("`", "'")}`<#else>already running at ${md(f.url)}</#if> |<#if pinned> ${f.cpus!"any"}<#if f.cpus_note??> (not pinned: ${md(f.cpus_note)})</#if> |</#if> ${f.status}<#if f.reason??>: ${md(f.reason)}</#if> |
</#list>

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
<#-- rank: HTTP by throughput; chat (an offered load every server may carry) by share lost, then p99 -->
<#assign rank = (b.protocol == "chat")?then((100 - l.summary.messages.delivered_pct) * 1000000 + l.summary.latency_ms.p99, -l.summary.rps)>
<#assign rows = rows + [{"f": f, "l": l, "rps": l.summary.rps, "rank": rank}]>
</#if>
</#list>
</#list>
<#assign rows = rows?sort_by("rank")>
### ${md(b.title)}: ${c} <#if b.protocol == "chat">client<#else>connection</#if><#if c != 1>s</#if><#if rateLabel?has_content> at ${rateLabel}</#if>

<#if rows?size == 0>
Nothing was measured at this level.

<#else>
<#if b.protocol == "chat">
| Framework | Deliveries/Second | Avg. Delivery | p99 Delivery | Max. Delivery | Lost | Errors | Server CPU | Server RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
<#list rows as row>
<#assign m = row.l.summary>
| ${md(row.f.title)} | ${num(m.rps, 1)} | ${ms(m.latency_ms.mean)} | ${ms(m.latency_ms.p99)} | ${ms(m.latency_ms.max)} | ${num(m.messages.lost)} of ${num(m.messages.expected)}<#if m.messages.duplicated gt 0 || m.messages.corrupted gt 0> (+${num(m.messages.duplicated)} duplicated, ${num(m.messages.corrupted)} corrupted)</#if> | <@errors m/> | <@server m/> |
</#list>
<#else>
| Framework | Requests/Second | Avg. Response Time | Max. Response Time | p50 | p99 | Errors | Server CPU | Server RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
<#list rows as row>
<#assign m = row.l.summary>
| ${md(row.f.title)} | ${num(m.rps, 1)} | ${ms(m.latency_ms.mean)} | ${ms(m.latency_ms.max)} | ${ms(m.latency_ms.p50)} | ${ms(m.latency_ms.p99)} | <@errors m/> | <@server m/> |
</#list>
</#if>

<#list rows as row>
<#if row.l.summary.open_model??>
<#assign om = row.l.summary.open_model>
<#if om.achieved_pct lt 99 || om.unsent gt 0>
> **${md(row.f.title)} could not keep up:** it answered ${num(om.achieved_rps)} requests/second of the ${num(om.target_rps)} sent on schedule (${om.achieved_pct}%); ${num(om.delayed)} requests waited more than 1 ms for a free connection and ${num(om.unsent)} were never sent. Their latency counts from when they were due.

</#if>
</#if>
</#list>
<#if s.repetitions gt 1>
Spread of <#if b.protocol == "chat">deliveries<#else>requests</#if>/second over the runs: <#list rows as row>${md(row.f.title)} ${num(row.l.summary.spread.rps_min)}–${num(row.l.summary.spread.rps_max)} (CV ${row.l.summary.spread.rps_cv_pct}%)<#sep>; </#list>.

</#if>
<#list rows as row>
<#if row.l.summary.partial>
> **Partial:** ${md(row.f.title)}'s figures come from a window cut short by an interruption.

</#if>
<#if row.l.summary.client_saturated>
> **Warning:** for ${md(row.f.title)} the client's busiest event loop was over 90% busy: the client may have limited this figure. Use more `threads`, or fewer connections.

</#if>
</#list>
</#if>
<#list b.frameworks as f>
<#list f.levels as l>
<#if l.concurrency + "@" + (l.rate??)?then(l.rate.label, "") == levelKey && l.status != "ok">
- ${md(f.title)}: ${l.status}<#if l.reason??> (${md(l.reason)})</#if>
</#if>
</#list>
</#list>
</#list>
<#assign notOk = b.frameworks?filter(f -> f.status != "ok")>
<#if notOk?size gt 0>
**Not measured:**

<#list notOk as f>
- **${md(f.title)}** ${f.status}: ${md(f.reason!"")}<#if f.log_tail??> — last lines of `${f.log!""}`:

  ```
  ${f.log_tail?replace("\n", "\n  ")}
  ```
</#if>

</#list>
</#if>
</#list>
---
Produced by Mangonel ${r.engine.version} from `results.json` (schema ${r.schema}); re-render with `engine report results.json`.
