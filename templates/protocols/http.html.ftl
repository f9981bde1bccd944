<#--
  The HTTP part of the HTML report: imported by report.html.ftl for benchmarks with protocol
  "http" (see protocols/http.md.ftl for the macros each protocol defines). Escaped as HTML.
-->
<#macro method b s>
Mangonel's own HTTP/1.1 client, <#if s.rates?? && s.rates?size gt 0>open model: requests are sent on a fixed schedule (at the rate in each table's heading) spread evenly over the connections, whatever the server does; a request its connection could not send on time waits with its clock running (as wrk2 measures)<#else>closed model: each connection keeps <#if (b.workload.pipeline!1) gt 1>${b.workload.pipeline!1} pipelined requests<#else>one request</#if> in flight and sends the next as soon as a response arrives (as siege and wrk do)</#if><#if !(b.workload.keepalive)>, with a new connection for every request (keep-alive off)</#if>.
URLs: <#list b.workload.urls as u><code>${u.method} ${u.path}</code><#if b.workload.urls?size gt 1> (weight ${u.weight})</#if><#sep>, </#list>.
Each concurrency level was <#if .main.r.status == "interrupted">to be </#if>measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if><#if ((.main.r.shards.count)!1) gt 1 && !((.main.r.shards.index)??)> over ${.main.r.shards.count} shards</#if> and a ${ms(s.timeout_ms)} timeout per request.
Each row shows <#if s.repetitions == 1>its one run<#elseif s.aggregate == "best">the best run (highest requests/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median requests/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs</#if>; rows are sorted by requests/second.
Latency is counted from when each request was due, so delays in the client count too; failed requests are never latency samples.
</#macro>
<#function rank m><#return -m.rps></#function>
<#macro header>
<tr><th>Framework</th><th class="n">Requests/Second</th><th class="n">Avg. Response Time</th><th class="n">Max. Response Time</th><th class="n">p50</th><th class="n">p99</th><th class="n">Errors</th><th class="n">Server CPU</th><th class="n">Server RSS</th></tr>
</#macro>
<#macro row f m>
<tr><td><@.main.swatch f/>${f.title}</td><td class="n">${rate(m.rps)}</td><td class="n">${ms(m.latency_ms.mean)}</td><td class="n">${ms(m.latency_ms.max)}</td>
<td class="n">${ms(m.latency_ms.p50)}</td><td class="n">${ms(m.latency_ms.p99)}</td><@.main.errorsCell m/><@.main.serverCells m/></tr>
</#macro>
<#macro details rows>
<#if rows?filter(row -> row.l.summary.urls??)?size gt 0>
<p class="note">Per URL (the same runs as the table):</p>
<table>
<tr><th>Framework</th><th>URL</th><th class="n">Requests/Second</th><th class="n">Requests</th><th class="n">Errors</th><th class="n">p50</th><th class="n">p90</th><th class="n">p99</th><th class="n">Max</th></tr>
<#list rows as row><#list row.l.summary.urls![] as u>
<tr><td>${row.f.title}</td><td><code>${u.url}</code></td><td class="n">${num(u.rps)}</td><td class="n">${num(u.requests)}</td><td class="n<#if u.errors gt 0> bad</#if>">${num(u.errors)}</td><td class="n">${ms(u.latency_ms.p50)}</td><td class="n">${ms(u.latency_ms.p90)}</td><td class="n">${ms(u.latency_ms.p99)}</td><td class="n">${ms(u.latency_ms.max)}</td></tr>
</#list></#list>
</table>
</#if>
</#macro>
<#-- the bar chart's figure: throughput, whiskers from the slowest to the fastest repetition -->
<#function bar m><#return {"value": m.rps, "min": (m.of gt 1)?then((m.spread.rps_min)!"", ""), "max": (m.of gt 1)?then((m.spread.rps_max)!"", "")}></#function>
<#function barUnit b><#return b.success_unit + "/s"></#function>
<#function barTitle b><#return b.success_unit?cap_first + " per second (higher is better)"></#function>
