<#--
  The HTTP part of the Markdown report: imported by report.md.ftl for benchmarks with
  protocol "http". Each protocol's fragment defines the same macros and functions:
    method b s   the "How it was measured" paragraph
    rank(m)      orders a level's rows (lowest first): here, highest requests/second first
    header       the level table's header lines;  row f m   one framework's row
    details rows (optional) what follows a level's table; rows: [{f, l}] in the table's order
  The page's own macros (errors, server cells) are reached as .main.NAME.
-->
<#macro method b s>
**How it was measured.** Mangonel's own HTTP/1.1 client, <#if s.rates?? && s.rates?size gt 0>open model: requests are sent on a fixed schedule (at the rate in each table's heading) spread evenly over the connections, whatever the server does; each connection keeps at most ${b.workload.pipeline!1} request<#if (b.workload.pipeline!1) gt 1>s</#if> in flight, and a request its connection could not send on time waits with its clock running (as wrk2 measures)<#else>closed model: each connection keeps <#if (b.workload.pipeline!1) gt 1>${b.workload.pipeline!1} pipelined requests<#else>one request</#if> in flight and sends the next as soon as a response arrives (as siege and wrk do)</#if><#if !(b.workload.keepalive)>, with a new connection for every request (keep-alive off)</#if>. URLs: <#list b.workload.urls as u>`${u.method} ${u.path}`<#if b.workload.urls?size gt 1> (weight ${u.weight})</#if><#sep>, </#list><#if b.workload.urls?size gt 1>, ${b.workload.order} order</#if>.
Each concurrency level was <#if .main.r.status == "interrupted">to be </#if>measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if><#if ((.main.r.shards.count)!1) gt 1 && !((.main.r.shards.index)??)> over ${.main.r.shards.count} shards</#if> and a ${ms(s.timeout_ms)} timeout per request; requests still in flight when a window closed were awaited (up to the timeout) and counted.
Each row shows <#if s.repetitions == 1>its one run<#elseif s.aggregate == "best">the best run (highest requests/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median requests/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs (latency from all their samples)</#if>; rows are sorted by requests/second.
Latency is counted from when each request was due (<#if s.rates?? && s.rates?size gt 0>its time on the schedule<#else>the moment its connection became free</#if>), so delays in the client count too; a failed request is never a latency sample.
</#macro>
<#function rank m><#return -m.rps></#function>
<#macro header>
| Framework | Requests/Second | Avg. Response Time | Max. Response Time | p50 | p99 | Errors | Server CPU | Server RSS |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
</#macro>
<#macro row f m>
| ${md(f.title)} | ${rate(m.rps)} | ${ms(m.latency_ms.mean)} | ${ms(m.latency_ms.max)} | ${ms(m.latency_ms.p50)} | ${ms(m.latency_ms.p99)} | <@.main.errors m/> | <@.main.server m/> |
</#macro>
<#macro details rows>
<#if rows?filter(row -> row.l.summary.urls??)?size gt 0>
Per URL (the same runs as the table):

| Framework | URL | Requests/Second | Requests | Errors | p50 | p90 | p99 | Max |
|---|---|---:|---:|---:|---:|---:|---:|---:|
<#list rows as row><#list row.l.summary.urls![] as u>
| ${md(row.f.title)} | `${u.url?replace("`", "'")}` | ${num(u.rps)} | ${num(u.requests)} | ${num(u.errors)} | ${ms(u.latency_ms.p50)} | ${ms(u.latency_ms.p90)} | ${ms(u.latency_ms.p99)} | ${ms(u.latency_ms.max)} |
</#list></#list>

</#if>
</#macro>
