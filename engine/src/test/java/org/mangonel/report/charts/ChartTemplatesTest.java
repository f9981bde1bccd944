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
