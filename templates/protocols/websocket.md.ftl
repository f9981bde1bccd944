<#--
  The WebSocket (request/response) part of the Markdown report (see http.md.ftl for the macros
  each protocol defines). Rows are sorted by messages answered per second.
-->
<#macro method b s>
**How it was measured.** Mangonel's own WebSocket client (RFC 6455, masked client frames), <#if s.rates?? && s.rates?size gt 0>open model: messages are sent on a fixed schedule (at the rate in each table's heading) spread evenly over the connections, whatever the server does; one message is in flight per connection, and a message its connection could not send on time waits with its clock running<#else>closed model: each connection sends a message and the next as soon as the answer has arrived</#if>. Messages: <#list b.workload.messages as m><#if m.text??>text `${m.text?replace("`", "'")}`<#else>binary, ${num(m.binary_size)} bytes</#if><#if b.workload.messages?size gt 1> (weight ${m.weight})</#if><#sep>, </#list>; each answer must be <#if b.workload.expect == "echo">the same message back<#else>the text `${b.workload.expect?replace("`", "'")}`</#if>.
Each concurrency level was <#if .main.r.status == "interrupted">to be </#if>measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if><#if ((.main.r.shards.count)!1) gt 1 && !((.main.r.shards.index)??)> over ${.main.r.shards.count} shards</#if> and a ${ms(s.timeout_ms)} timeout per message.
Each row shows <#if s.repetitions == 1>its one run<#elseif s.aggregate == "best">the best run (most messages/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median messages/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs (latency from all their samples)</#if>; rows are sorted by messages/second. Latency runs from when a message was due to when its whole answer was read.
</#macro>
<#function rank m><#return -m.rps></#function>
<#macro header>
| Framework | Messages/Second | Avg. Round Trip | Max. Round Trip | p50 | p99 | Errors | Server CPU | Server RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
</#macro>
<#macro row f m>
| ${md(f.title)} | ${rate(m.rps)} | ${ms(m.latency_ms.mean)} | ${ms(m.latency_ms.max)} | ${ms(m.latency_ms.p50)} | ${ms(m.latency_ms.p99)} | <@.main.errors m/> | <@.main.server m/> |
</#macro>
