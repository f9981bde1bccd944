<#--
  The chat part of the Markdown report (see http.md.ftl for the macros each protocol defines).
  A chat level is an offered load every good server carries: rows are ranked by the share of
  deliveries lost, then by the 99th percentile of delivery latency.
-->
<#macro method b s>
<#assign w = b.workload>
**How it was measured.** Mangonel's own chat clients, open model: every client connects<#if w.join??> and sends a join line (`${w.join?replace("`", "'")}`)</#if>, then sends ${num(w.message_rate_per_client, 2)} message<#if w.message_rate_per_client != 1>s</#if> of ${w.message_bytes} bytes per second on a fixed schedule, whatever the server does; the server must relay every line to every other client.
Delivery latency runs from when a message was due to when each recipient read it, so a server that stalls shows in the percentiles. Deliveries still missing ${w.drain_s}s after the window count as lost.
Each level was <#if .main.r.status == "interrupted">to be </#if>measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if><#if ((.main.r.shards.count)!1) gt 1 && !((.main.r.shards.index)??)> over ${.main.r.shards.count} shards</#if>.
Each row shows <#if s.repetitions == 1>its one run<#elseif s.aggregate == "best">the best run (most deliveries/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median deliveries/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs (latency from all their samples)</#if>; rows are sorted by the share of deliveries lost, then by p99 delivery latency.
</#macro>
<#function rank m><#return (100 - m.messages.delivered_pct) * 1000000 + m.latency_ms.p99></#function>
<#macro header>
| Framework | Deliveries/Second | Avg. Delivery | p99 Delivery | Max. Delivery | Lost | Errors | Server CPU | Server RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
</#macro>
<#macro row f m>
| ${md(f.title)} | ${rate(m.rps)} | ${ms(m.latency_ms.mean)} | ${ms(m.latency_ms.p99)} | ${ms(m.latency_ms.max)} | ${num(m.messages.lost)} of ${num(m.messages.expected)}<#if m.messages.duplicated gt 0 || m.messages.corrupted gt 0> (+${num(m.messages.duplicated)} duplicated, ${num(m.messages.corrupted)} corrupted)</#if> | <@.main.errors m/> | <@.main.server m/> |
</#macro>
