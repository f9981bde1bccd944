package org.mangonel.report.charts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.mangonel.stats.HistogramCodec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartsTest {
    private static final String EVIL = "<script>alert(1)</script> & \"co\"";

    /** Parses the SVG as XML (so it is well-formed) and checks what every chart must have. */
    static Document check(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertFalse(root.getAttribute("aria-label").isBlank(), "an aria-label");
        assertTrue(root.getAttribute("viewBox").startsWith("0 0 760 "), "a viewBox, so it scales");
        assertTrue(root.getAttribute("style").contains("font-family:inherit"));
        assertTrue(doc.getElementsByTagName("title").getLength() >= 1);
        assertFalse(svg.toLowerCase().contains("<script"), "no script");
        assertFalse(svg.contains("href"), "no links or external references");
        assertFalse(svg.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").matches("(?s).*https?://.*"), "no URL");
        assertFalse(svg.matches("(?s).*font-size=\"?[0-9.]+(em|pt|%).*"), "sizes in px");
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "no broken numbers");
        return doc;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static Map<String, Object> map(Object... kv) {
        return ChartSamples.map(kv);
    }

    // ---- percentileChart ----

    @Test
    void percentileChartDrawsOneLinePerSeriesOnTheNinesAxis() throws Exception {
        String svg = ChartFunctions.percentileChart(ChartSamples.percentileSeries(), "Latency, 64 connections",
                new Palette());
        check(svg);
        for (String tick : List.of(">0%<", ">50%<", ">90%<", ">99%<", ">99.9%<", ">99.99%<", ">99.999%<")) {
            assertTrue(svg.contains(tick), tick);
        }
        for (String f : ChartSamples.FRAMEWORKS) {
            assertTrue(svg.contains(">" + f + "<"), "legend " + f);
        }
        for (String color : Arrays.copyOf(Palette.COLORS, 4)) {
            assertEquals(1, count(svg, "stroke=\"" + color + "\" stroke-width=\"2\""), "one line in " + color);
        }
        assertTrue(svg.contains("latency (ms, log scale)"), "a 60 ms tail over a 0.9 ms median: log");
        assertTrue(svg.contains("Netty 4.1: p99 = "), "markers carry their values");
    }

    @Test
    void thePercentileAxisGoesPastFourNinesOnlyWhenTheDataDo() throws Exception {
        Histogram small = ChartSamples.latency(1, 1_000, 1, 0.2, 0, 0);
        String few = PercentileChart.render(List.of(new PercentileChart.Series("a", small)), "few", new Palette());
        check(few);
        assertTrue(few.contains(">99.99%<"), "always reaches 99.99%");
        assertFalse(few.contains(">99.999%<"));
        Histogram big = ChartSamples.latency(1, 1_000_000, 1, 0.2, 0, 0);
        String many = PercentileChart.render(List.of(new PercentileChart.Series("a", big)), "many", new Palette());
        assertTrue(many.contains(">99.999%<"));
    }

    @Test
    void aNarrowDistributionKeepsALinearLatencyAxisFromZero() throws Exception {
        Histogram h = ChartSamples.latency(3, 50_000, 2, 0.2, 0, 0);
        String svg = PercentileChart.render(List.of(new PercentileChart.Series("a", h)), "t", new Palette());
        check(svg);
        assertTrue(svg.contains(">latency (ms)<"));
        assertTrue(svg.contains(">0<") || svg.contains(">0.0<"), "starts at zero");
    }

    @Test
    void percentileChartDegenerateInputs() throws Exception {
        Palette p = new Palette();
        assertTrue(ChartFunctions.percentileChart(List.of(), "t", p).contains("no data"));
        assertTrue(ChartFunctions.percentileChart(null, "t", p).contains("no data"));
        assertTrue(ChartFunctions.percentileChart("", "t", p).contains("no data"), "what x! gives");
        String empty = HistogramCodec.encode(new Histogram(3));
        String none = ChartFunctions.percentileChart(List.of(map("label", "idle", "histogram", empty),
                map("label", "broken", "histogram", "not base64!"), map("label", "missing")), "t", p);
        check(none);
        assertTrue(none.contains("no data"));
        Histogram zero = new Histogram(3);
        zero.recordValue(0);
        zero.recordValue(0);
        Histogram one = new Histogram(3);
        one.recordValue(1500);
        for (Histogram h : List.of(zero, one)) {
            String svg = ChartFunctions.percentileChart(List.of(map("label", "x", "histogram", HistogramCodec.encode(h)),
                    map("label", "idle", "histogram", empty)), "t", p);
            check(svg);
            assertFalse(svg.contains(">no data<"));
            assertTrue(svg.contains("idle (no data)"), "the empty series is named as such");
        }
    }

    // ---- timeSeriesChart ----

    @Test
    void timeSeriesChartShowsThroughputErrorsLatencyAndTheWarmup() throws Exception {
        String svg = ChartFunctions.timeSeriesChart(ChartSamples.run(), "Netty, run 1", "requests");
        check(svg);
        assertTrue(svg.contains(">warm-up<"));
        assertTrue(svg.contains("fill=\"" + TimeSeriesChart.WARMUP + "\""), "shaded");
        assertTrue(svg.contains(">requests per second<"));
        assertTrue(svg.contains("errors per second"));
        assertTrue(svg.contains("fill=\"" + TimeSeriesChart.ERRORS + "\""), "error bars in red");
        assertTrue(svg.contains(">p99<") && svg.contains(">p50<"));
        assertTrue(svg.contains(">-10<") && svg.contains(">30<"), "the time axis covers the warm-up");
    }

    @Test
    void aRunWithoutErrorsHasNoErrorPanelAndTheSeriesListWorksToo() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) (List<?>) ChartSamples.run().get("series");
        List<Object> clean = new ArrayList<>();
        for (Map<String, Object> s : series) {
            Map<String, Object> c = new java.util.LinkedHashMap<>(s);
            c.put("errors", 0);
            clean.add(c);
        }
        String svg = ChartFunctions.timeSeriesChart(clean, "clean", null);
        check(svg);
        assertFalse(svg.contains("errors per second"));
        assertTrue(svg.contains(">successes per second<"), "the default unit");
    }

    @Test
    void timeSeriesChartDegenerateInputs() throws Exception {
        assertTrue(ChartFunctions.timeSeriesChart(map("series", List.of()), "t", null).contains("no data"));
        assertTrue(ChartFunctions.timeSeriesChart(map(), "t", null).contains("no data"));
        assertTrue(ChartFunctions.timeSeriesChart(null, "t", null).contains("no data"));
        String one = ChartFunctions.timeSeriesChart(map("series", List.of(map("t", 0, "warmup", false, "rate", 10,
                "errors", 0, "p50", 1.0, "p99", 2.0, "max", 3.0))), "t", null);
        check(one);
        assertTrue(one.contains("<circle"), "a lone second is a dot");
        String idle = ChartFunctions.timeSeriesChart(map("series", List.of(
                map("t", -1, "warmup", true, "rate", 0, "errors", 0, "p50", 0, "p99", 0, "max", 0),
                map("t", 0, "warmup", false, "rate", 0, "errors", 5, "p50", 0, "p99", 0, "max", 0))), "t", null);
        check(idle);
    }

    // ---- curveChart ----

    @Test
    void curveChartDrawsLevelsProbesAndTheSlo() throws Exception {
        String svg = ChartFunctions.curveChart(ChartSamples.curves(), 10, "requests", null, new Palette());
        check(svg);
        assertTrue(svg.contains("SLO: p99 ≤ 10 ms"));
        assertTrue(svg.contains("stroke-dasharray=\"5 4\""), "the SLO line");
        assertTrue(svg.contains("probe, SLO met") && svg.contains("probe, SLO missed"));
        assertTrue(svg.contains("SLO missed</title>"), "each probe says how it did");
        assertTrue(svg.contains(">achieved throughput (requests/s)<"));
        assertTrue(svg.contains("fill=\"#fff\" stroke=\"#0072B2\""), "probes are hollow");
        assertEquals(4, count(svg, "stroke-width=\"2.2\" stroke-linejoin"), "a p99 line per framework");
    }

    @Test
    void curveChartWithoutSloOrProbes() throws Exception {
        List<Object> fws = List.of(map("label", "a", "points", List.of(
                map("rps", 100, "p50", 1, "p99", 2, "probe", false),
                map("rps", 200, "p50", 1.5, "p99", 3, "probe", false))));
        String svg = ChartFunctions.curveChart(fws, Double.NaN, null, "t", new Palette());
        check(svg);
        assertFalse(svg.contains("SLO"));
        assertFalse(svg.contains("probe"));
    }

    @Test
    void curveChartDegenerateInputs() throws Exception {
        Palette p = new Palette();
        assertTrue(ChartFunctions.curveChart(List.of(), 5, null, null, p).contains("no data"));
        assertTrue(ChartFunctions.curveChart(List.of(map("label", "a", "points", List.of())), 5, null, null, p)
                .contains("no data"));
        String one = ChartFunctions.curveChart(List.of(map("label", "a", "points", List.of(
                map("rps", 0, "p50", 0, "p99", 0)))), Double.NaN, null, null, p);
        check(one);
        String probesOnly = ChartFunctions.curveChart(List.of(map("label", "a", "points", List.of(
                map("rps", 50, "p50", 1, "p99", 3, "probe", true, "met", true),
                map("rps", 20, "p50", 1, "p99", 2, "probe", true)))), 5, null, null, p);
        check(probesOnly);
        assertTrue(probesOnly.contains(">probe<"), "an unjudged probe has its own key");
    }

    // ---- barChart ----

    @Test
    void barChartDrawsBarsWhiskersAndValuesInOrder() throws Exception {
        String svg = ChartFunctions.barChart(ChartSamples.bars(), "requests/s", "Requests per second", new Palette());
        check(svg);
        int netty = svg.indexOf(">107,797 requests/s<");
        int tornado = svg.indexOf(">18,005 requests/s<");
        assertTrue(netty > 0 && tornado > netty, "values labelled, in the order given");
        assertTrue(svg.contains("105,120 to 109,004 over the repetitions"));
        assertTrue(svg.contains("whiskers: lowest to highest over the repetitions"));
        assertTrue(svg.contains("fill=\"#0072B2\""), "the first framework's color");
        String ms = ChartFunctions.barChart(ChartSamples.chatBars(), "ms", "p99 delivery", new Palette());
        check(ms);
        assertTrue(ms.contains(">2.24 ms<") && ms.contains(">21.3 ms<"));
    }

    @Test
    void barChartDegenerateInputs() throws Exception {
        Palette p = new Palette();
        assertTrue(ChartFunctions.barChart(List.of(), "ms", "t", p).contains("no data"));
        assertTrue(ChartFunctions.barChart(List.of(map("label", "a")), "ms", "t", p).contains("no data"));
        String zero = ChartFunctions.barChart(List.of(map("label", "a", "value", 0), map("label", "b")), "", "t", p);
        check(zero);
        assertTrue(zero.contains(">0<") && zero.contains(">–<"));
        check(ChartFunctions.barChart(List.of(map("label", "a", "value", 5, "min", 3, "max", null)), "x", "", p));
    }

    // ---- all charts ----

    @Test
    void labelsAndTitlesAreEscapedInsideTheSvg() throws Exception {
        Histogram h = ChartSamples.latency(1, 5_000, 1, 0.2, 0, 0);
        Palette p = new Palette();
        List<String> svgs = List.of(
                ChartFunctions.percentileChart(List.of(map("label", EVIL, "histogram", HistogramCodec.encode(h))), EVIL, p),
                ChartFunctions.timeSeriesChart(ChartSamples.run(), EVIL, EVIL),
                ChartFunctions.curveChart(List.of(map("label", EVIL, "points", List.of(map("rps", 1, "p50", 1, "p99", 2)))),
                        1, EVIL, EVIL, p),
                ChartFunctions.barChart(List.of(map("label", EVIL, "value", 3)), EVIL, EVIL, p),
                ChartFunctions.percentileChart(List.of(), EVIL, p));
        for (String svg : svgs) {
            check(svg);
            assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
        }
    }

    @Test
    void sameInputSameBytes() {
        for (int i = 0; i < 2; i++) {
            assertEquals(ChartFunctions.percentileChart(ChartSamples.percentileSeries(), "t", new Palette()),
                    ChartFunctions.percentileChart(ChartSamples.percentileSeries(), "t", new Palette()));
            assertEquals(ChartFunctions.timeSeriesChart(ChartSamples.run(), "t", "requests"),
                    ChartFunctions.timeSeriesChart(ChartSamples.run(), "t", "requests"));
            assertEquals(ChartFunctions.curveChart(ChartSamples.curves(), 10, null, null, new Palette()),
                    ChartFunctions.curveChart(ChartSamples.curves(), 10, null, null, new Palette()));
            assertEquals(ChartFunctions.barChart(ChartSamples.bars(), "requests/s", "t", new Palette()),
                    ChartFunctions.barChart(ChartSamples.bars(), "requests/s", "t", new Palette()));
        }
    }

    @Test
    void aFrameworkKeepsItsColorAcrossThePagesCharts() {
        Palette p = new Palette();
        String bars = ChartFunctions.barChart(List.of(map("label", "B", "value", 1), map("label", "A", "value", 2)),
                "x", "t", p);
        String curve = ChartFunctions.curveChart(List.of(map("label", "A", "points", List.of(map("rps", 1, "p50", 1,
                "p99", 2))), map("label", "B", "points", List.of(map("rps", 2, "p50", 1, "p99", 2)))), 1, null, null, p);
        assertEquals("#0072B2", p.colorOf("B"), "first seen, first color");
        assertEquals("#D55E00", p.colorOf("A"));
        assertTrue(bars.indexOf("fill=\"#0072B2\"") < bars.indexOf("fill=\"#D55E00\""));
        assertTrue(curve.indexOf("stroke=\"#D55E00\"") < curve.indexOf("stroke=\"#0072B2\""), "A is drawn first, in A's color");
        // a series may name its color's key explicitly
        String keyed = ChartFunctions.barChart(List.of(map("label", "A, best of 3", "key", "A", "value", 1)), "x", "t", p);
        assertTrue(keyed.contains("fill=\"#D55E00\""));
    }

    @Test
    void chartsHaveNoOverlappingXTickLabels() {
        String svg = ChartFunctions.barChart(List.of(map("label", "a", "value", 1_234_567_890.0)), "bytes", "t",
                new Palette());
        Matcher m = Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" text-anchor=\"middle\" class=\"mgc-a\">([^<]+)<")
                .matcher(svg);
        List<double[]> spans = new ArrayList<>();
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double w = Svg.textWidth(m.group(3), 11);
            spans.add(new double[] {Double.parseDouble(m.group(2)), x - w / 2, x + w / 2});
        }
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i)[0] == spans.get(i - 1)[0]) {
                assertTrue(spans.get(i)[1] > spans.get(i - 1)[2], "tick labels apart");
            }
        }
        assertNotEquals(0, spans.size());
    }

    @Test
    void nothingThrowsOnOddValues() {
        Palette p = new Palette();
        assertDoesNotThrow(() -> ChartFunctions.barChart(List.of(map("label", null, "value", "12.5", "min", "x")),
                null, null, p));
        assertDoesNotThrow(() -> ChartFunctions.curveChart(List.of(map("points", List.of(map("rps", "NaN")))),
                -3, null, null, p));
        assertDoesNotThrow(() -> ChartFunctions.timeSeriesChart(map("series", List.of(map("t", "x"), "junk")), null, null));
        assertDoesNotThrow(() -> ChartFunctions.percentileChart(List.of("junk", map("histogram", 42)), null, p));
    }
}
