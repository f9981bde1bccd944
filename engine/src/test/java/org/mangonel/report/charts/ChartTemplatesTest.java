package org.mangonel.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.report.ReportRenderer;

/** The charts as a page's template calls them, through the report renderer (so also their registration). */
class ChartTemplatesTest {
    @TempDir
    Path dir;

    private String render(String template, Map<String, Object> results) throws Exception {
        Files.writeString(dir.resolve("t.html.ftl"), template);
        return new ReportRenderer(dir).render("t.html.ftl", results);
    }

    private static Map<String, Object> results() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("series", ChartSamples.percentileSeries());
        r.put("run", ChartSamples.run());
        r.put("curves", ChartSamples.curves());
        r.put("bars", ChartSamples.bars());
        r.put("evil", "<script>alert(1)</script>");
        return r;
    }

    @Test
    void anHtmlTemplatePrintsTheSvgAsMarkupAndStillEscapesItsOwnText() throws Exception {
        String html = render("""
                <p>${results.evil}</p>
                ${percentileChart(results.series, "Latency by percentile")}
                ${timeSeriesChart(results.run, "Run 1", "requests")}
                ${curveChart(results.curves, 10)}
                ${curveChart(results.curves, results.slo!, "requests", "No SLO")}
                ${barChart(results.bars, "requests/s", "Requests per second")}
                ${barChart([{"label": results.evil, "value": 2.5, "min": 2, "max": 3}], "ms", "p99")}
                <span style="color:${colorOf("Netty 4.1")}">Netty 4.1</span>
                """, results());
        assertEquals(6, html.split("<svg ", -1).length - 1, "six charts, unescaped");
        assertFalse(html.contains("&lt;svg"));
        assertFalse(html.contains("<script>"), "the page's own text and the labels inside charts are escaped");
        assertTrue(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
        assertTrue(html.contains("<span style=\"color:#0072B2\">"), "the color the charts gave Netty");
        assertTrue(html.contains("SLO: p99 ≤ 10 ms"));
        assertTrue(html.contains(">No SLO<"), "a missing SLO (x!) draws no SLO line");
    }

    @Test
    void aTemplateBuildsRowsFromTheTree() throws Exception {
        String html = render("""
                <#assign rows = []>
                <#list results.bars as b><#assign rows = rows + [{"label": b.label, "value": b.value}]></#list>
                ${barChart(rows, "requests/s", "Built in the template")}
                """, results());
        assertTrue(html.contains(">107,797 requests/s<"));
        assertFalse(html.contains("whiskers"), "no min/max given: no whiskers");
    }

    /** The fragment offered to the report's template, on a tree shaped like results.json. */
    static final String EXAMPLE = """
            <#list results.benchmarks as b>
            <#assign s = b.success_unit, chat = b.protocol == "chat">
            <#assign rows = []>
            <#list b.frameworks as f><#list f.levels?filter(l -> l.summary??) as l><#assign rows = rows + [{"f": f, "l": l}]></#list></#list>
            <#-- per level: bars on the figure that tells frameworks apart, percentiles, each run over time -->
            <#assign bars = [], series = []>
            <#list rows as row><#assign m = row.l.summary>
            <#assign bars = bars + [chat?then(
                {"label": row.f.title, "value": m.latency_ms.p99, "min": (m.spread.p99_min)!"", "max": (m.spread.p99_max)!""},
                {"label": row.f.title, "value": m.rps, "min": m.spread.rps_min, "max": m.spread.rps_max})]>
            <#assign series = series + [{"label": row.f.title, "histogram": m.histogram!""}]>
            </#list>
            <figure class="chart">${barChart(bars, chat?then("ms", s + "/s"), chat?then("p99 delivery latency (lower is better)", s?cap_first + " per second"))}</figure>
            <figure class="chart">${percentileChart(series, "Latency by percentile")}</figure>
            <#list rows as row><#list row.l.runs as run>
            <figure class="chart">${timeSeriesChart(run, row.f.title + ", run " + run.repetition, s)}</figure>
            </#list></#list>
            <#-- per benchmark: latency against throughput, levels and capacity probes, the SLO -->
            <#assign curves = []>
            <#list b.frameworks as f>
              <#assign pts = []>
              <#list f.levels?filter(l -> l.summary??) as l><#assign pts = pts + [{"rps": l.summary.rps, "p50": l.summary.latency_ms.p50, "p99": l.summary.latency_ms.p99, "probe": false}]></#list>
              <#if f.capacity??><#list f.capacity.probes as p><#assign pts = pts + [{"rps": p.rps, "p50": p.p50_ms, "p99": p.p99_ms, "met": p.met, "probe": true}]></#list></#if>
              <#assign curves = curves + [{"label": f.title, "points": pts}]>
            </#list>
            <figure class="chart">${curveChart(curves, (b.capacity.slo_p99_ms)!"", s, "Latency against throughput")}</figure>
            <p><#list b.frameworks as f><span style="color:${colorOf(f.title)}">■</span> ${f.title} </#list></p>
            </#list>
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resultsTree() {
        List<Object> frameworks = new java.util.ArrayList<>();
        List<Object> series = ChartSamples.percentileSeries();
        List<Object> curves = ChartSamples.curves();
        for (int i = 0; i < ChartSamples.FRAMEWORKS.length; i++) {
            List<Object> levels = new java.util.ArrayList<>();
            List<Object> pts = (List<Object>) ((Map<String, Object>) curves.get(i)).get("points");
            List<Object> probes = new java.util.ArrayList<>();
            for (Object o : pts) {
                Map<String, Object> p = (Map<String, Object>) o;
                if (Boolean.TRUE.equals(p.get("probe"))) {
                    probes.add(ChartSamples.map("load", p.get("rps"), "rps", p.get("rps"), "p50_ms", p.get("p50"),
                            "p99_ms", p.get("p99"), "error_pct", 0.0, "met", p.get("met")));
                    continue;
                }
                Map<String, Object> summary = ChartSamples.map("rps", p.get("rps"),
                        "latency_ms", ChartSamples.map("p50", p.get("p50"), "p99", p.get("p99")),
                        "spread", ChartSamples.map("rps_min", (Double) p.get("rps") * 0.97, "rps_max", (Double) p.get("rps") * 1.02),
                        "histogram", ((Map<String, Object>) series.get(i)).get("histogram"));
                levels.add(ChartSamples.map("concurrency", 1, "summary", summary,
                        "runs", levels.isEmpty() && i == 0 ? List.of(ChartSamples.run()) : List.of()));
                break; // one level each is enough here
            }
            Map<String, Object> f = ChartSamples.map("title", ChartSamples.FRAMEWORKS[i], "levels", levels);
            if (!probes.isEmpty()) {
                f.put("capacity", ChartSamples.map("load", 122_000, "probes", probes));
            }
            frameworks.add(f);
        }
        Map<String, Object> b = ChartSamples.map("protocol", "http", "success_unit", "requests", "level_unit", "connection",
                "capacity", ChartSamples.map("slo_p99_ms", 10.0), "frameworks", frameworks);
        return ChartSamples.map("benchmarks", List.of(b));
    }

    @Test
    void theExampleFragmentRendersOnAResultsShapedTree() throws Exception {
        String html = render(EXAMPLE, resultsTree());
        assertEquals(4, html.split("<svg ", -1).length - 1, "bars, percentiles, one run, the curve");
        assertFalse(html.contains("no data"), html);
        assertTrue(html.contains("Requests per second"));
        assertTrue(html.contains("SLO: p99 ≤ 10 ms"));
        assertTrue(html.contains("<span style=\"color:#0072B2\">■</span> Netty 4.1"));
    }

    @Test
    void aWrongNumberOfArgumentsIsATemplateError() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("${barChart(results.bars)}", results()));
        assertTrue(e.getMessage().contains("barChart takes 3 arguments"), e.getMessage());
        assertThrows(TemplateException.class, () -> render("${colorOf()}", results()));
    }

    @Test
    void eachPageStartsAFreshPalette() throws Exception {
        String template = "${colorOf(\"first\")} ${colorOf(\"second\")}";
        assertEquals(render(template, Map.of()), render(template, Map.of()));
        assertEquals("#0072B2 #D55E00", render(template, Map.of()).strip());
        assertTrue(ChartFunctions.functions().keySet().containsAll(
                List.of("percentileChart", "timeSeriesChart", "curveChart", "barChart", "colorOf")));
    }
}
