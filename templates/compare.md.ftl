<#--
  engine compare: two runs side by side. Data model: comparison = {a, b: {name, scenario, file,
  sha256, started_at, command}, levels: [{benchmark, benchmark_title, framework, level,
  success_unit, rows: [{metric, unit, a, b, change_pct, noise_pct, verdict}], a_histogram,
  b_histogram}], worse, better, within_noise, regression_pct, regressions: [text],
  only_a, only_b: [text] (levels one run measured and the other did not)}.
-->
<#assign c = comparison>
<#macro value v unit><#if unit == "ms">${ms(v)}<#elseif unit == "%">${num(v, 2)}%<#else>${num(v)}${unit}</#if></#macro>
# Compare: ${md(c.b.scenario)}

- **A** (baseline): `${c.a.name}`, run ${c.a.started_at} — `${c.a.command}`
- **B**: `${c.b.name}`, run ${c.b.started_at} — `${c.b.command}`
<#if c.a.sha256 != c.b.sha256>
- **Note:** the two runs used different scenario files (sha256 `${c.a.sha256?substring(0, 12)}…` and `${c.b.sha256?substring(0, 12)}…`).
</#if>

**${c.worse} worse, ${c.better} better, ${c.within_noise} within noise.** A change is *within noise* when it is no larger than that figure's spread over either run's repetitions (or 5% when a run has a single repetition); errors are compared in percentage points (within 0.1 is noise).
<#if c.regression_pct??>
<#if c.regressions?size gt 0>

**Regressions beyond ${c.regression_pct}%:**

<#list c.regressions as r>
- ${md(r)}
</#list>
<#else>

No figure got worse beyond noise by more than ${c.regression_pct}%.
</#if>
</#if>

<#if c.only_a?size gt 0>
**Measured in A only** (not compared): <#list c.only_a as x>${md(x)}<#sep>; </#list>.

</#if>
<#if c.only_b?size gt 0>
**Measured in B only** (not compared): <#list c.only_b as x>${md(x)}<#sep>; </#list>.

</#if>
| Benchmark | Framework | Level | Figure | A | B | Change | Noise | Verdict |
|---|---|---|---|---:|---:|---:|---:|---|
<#list c.levels as l>
<#list l.rows as r>
| ${md(l.benchmark)} | ${md(l.framework)} | ${md(l.level)} | ${r.metric} | <@value r.a r.unit/> | <@value r.b r.unit/> | ${r.change_pct?string("+0.0;-0.0")}% | ±${r.noise_pct}<#if r.unit == "%"> pt<#else>%</#if> | <#if r.verdict == "worse">**worse**<#else>${r.verdict}</#if> |
</#list>
</#list>

---
Produced by `engine compare`.
