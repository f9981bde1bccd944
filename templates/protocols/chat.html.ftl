<#--
  The chat part of the HTML report (see protocols/http.md.ftl for the macros each protocol
  defines). Rows are ranked by the share of deliveries lost, then by p99 delivery latency.
-->
<#macro method b s>
<#assign w = b.workload>
Mangonel's own chat clients, open model: every client connects<#if w.join??> and sends a join line (<code>${w.join}</code>)</#if>, then sends ${num(w.message_rate_per_client, 2)} message<#if w.message_rate_per_client != 1>s</#if> of ${w.message_bytes} bytes per second on a fixed schedule, whatever the server does; the server must relay every line to every other client.
Delivery latency runs from when a message was due to when each recipient read it. Deliveries still missing ${w.drain_s}s after the window count as lost.
Each level was <#if .main.r.status == "interrupted">to be </#if>measured ${s.repetitions} time<#if s.repetitions gt 1>s</#if> for ${s.duration_s}s after ${s.warmup_s}s of unrecorded warm-up, with ${s.threads} event-loop thread<#if s.threads gt 1>s</#if><#if ((.main.r.shards.count)!1) gt 1 && !((.main.r.shards.index)??)> over ${.main.r.shards.count} shards</#if>.
Each row shows <#if s.repetitions == 1>its one run<#elseif s.aggregate == "best">the best run (most deliveries/second) of the ${s.repetitions}<#elseif s.aggregate == "median">the run with the median deliveries/second of the ${s.repetitions}<#else>the mean of the ${s.repetitions} runs</#if>; rows are sorted by the share of deliveries lost, then by p99 delivery latency.
</#macro>
<#function rank m><#return (100 - m.messages.delivered_pct) * 1000000 + m.latency_ms.p99></#function>
<#macro header>
<tr><th>Framework</th><th class="n">Deliveries/Second</th><th class="n">Avg. Delivery</th><th class="n">p99 Delivery</th><th class="n">Max. Delivery</th><th class="n">Lost</th><th class="n">Errors</th><th class="n">Server CPU</th><th class="n">Server RSS</th></tr>
</#macro>
<#macro row f m>
<tr><td><@.main.swatch f/>${f.title}</td><td class="n">${rate(m.rps)}</td><td class="n">${ms(m.latency_ms.mean)}</td><td class="n">${ms(m.latency_ms.p99)}</td><td class="n">${ms(m.latency_ms.max)}</td>
<td class="n<#if m.messages.lost gt 0> bad</#if>">${num(m.messages.lost)} of ${num(m.messages.expected)}<#if m.messages.duplicated gt 0 || m.messages.corrupted gt 0> (+${num(m.messages.duplicated)} duplicated, ${num(m.messages.corrupted)} corrupted)</#if></td>
<@.main.errorsCell m/><@.main.serverCells m/></tr>
</#macro>
<#-- the bar chart's figure: the one that tells chat servers apart at an offered load every good one carries -->
<#function bar m><#return {"value": m.latency_ms.p99, "min": (m.of gt 1)?then((m.spread.p99_min)!"", ""), "max": (m.of gt 1)?then((m.spread.p99_max)!"", "")}></#function>
<#function barUnit b><#return "ms"></#function>
<#function barTitle b><#return "p99 delivery latency (lower is better)"></#function>
