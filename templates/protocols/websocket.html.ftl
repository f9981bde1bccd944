<#--
  The WebSocket (request/response) part of the HTML report (see protocols/http.md.ftl for the
  macros each protocol defines). Escaped as HTML.
-->
<#macro method b s>
Mangonel's own WebSocket client (RFC 6455, masked client frames), <#if s.rates?? && s.rates?size gt 0>open model: messages are sent on a fixed schedule (at the rate in each table's heading) spread evenly over the connections, whatever the server does<#else>closed model: each connection sends a message and the next as soon as the answer has arrived</#if>.
Messages: <#list b.workload.messages as m><#if m.text??>text <code>${m.text}</code><#else>binary, ${num(m.binary_size)} bytes</#if><#if b.workload.messages?size gt 1> (weight ${m.weight})</#if><#sep>, </#list>; each answer must be <#if b.workload.expect == "echo">the same message back<#else>the text <code>${b.workload.expect}</code></#if>.
Each concurrency level was <#if .main.r.status == "interrupted">to be </#if>measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if><#if ((.main.r.shards.count)!1) gt 1 && !((.main.r.shards.index)??)> over ${.main.r.shards.count} shards</#if> and a ${ms(s.timeout_ms)} timeout per message.
Each row shows <#if s.repetitions == 1>its one run<#elseif s.aggregate == "best">the best run (most messages/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median messages/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs</#if>; rows are sorted by messages/second. Latency runs from when a message was due to when its whole answer was read.
</#macro>
<#function rank m><#return -m.rps></#function>
<#macro header>
<tr><th>Framework</th><th class="n">Messages/Second</th><th class="n">Avg. Round Trip</th><th class="n">Max. Round Trip</th><th class="n">p50</th><th class="n">p99</th><th class="n">Errors</th><th class="n">Server CPU</th><th class="n">Server RSS</th></tr>
</#macro>
<#macro row f m>
<tr><td><@.main.swatch f/>${f.title}</td><td class="n">${rate(m.rps)}</td><td class="n">${ms(m.latency_ms.mean)}</td><td class="n">${ms(m.latency_ms.max)}</td>
<td class="n">${ms(m.latency_ms.p50)}</td><td class="n">${ms(m.latency_ms.p99)}</td><@.main.errorsCell m/><@.main.serverCells m/></tr>
</#macro>
<#-- the bar chart's figure: throughput, whiskers from the slowest to the fastest repetition -->
<#function bar m><#return {"value": m.rps, "min": (m.of gt 1)?then((m.spread.rps_min)!"", ""), "max": (m.of gt 1)?then((m.spread.rps_max)!"", "")}></#function>
<#function barUnit b><#return b.success_unit + "/s"></#function>
<#function barTitle b><#return b.success_unit?cap_first + " per second (higher is better)"></#function>
