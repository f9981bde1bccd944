package org.mangonel.report.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes every chart for realistic data into one standalone page, {@code target/charts-preview.html},
 * styled like the report (its {@code svg text} rule included), for a look in a real browser:
 * {@code chromium --headless --screenshot=/tmp/charts.png --window-size=900,2400 file://…}.
 */
class ChartsPreviewTest {
    static final Path PAGE = Path.of("target/charts-preview.html");

    @Test
    void writesAPreviewPage() throws Exception {
        Palette palette = new Palette();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Mangonel charts</title>
                <style>
                  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2127; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
                  svg text { font: 12px system-ui, sans-serif; fill: #1d2127; }
                  figure { margin: 1.2em 0 2em; }
                  .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .3em; }
                </style></head><body>
                <h1>Charts</h1>
                """);
        html.append("<p>");
        for (String f : ChartSamples.FRAMEWORKS) {
            palette.colorOf(f);
        }
        for (String f : ChartSamples.FRAMEWORKS) {
            html.append("<span class=\"swatch\" style=\"background:").append(palette.colorOf(f)).append("\"></span>")
                    .append(f).append(" &nbsp; ");
        }
        html.append("</p>\n");
        figure(html, ChartFunctions.barChart(ChartSamples.bars(), "requests/s", "Requests per second, 64 connections",
                palette));
        figure(html, ChartFunctions.percentileChart(ChartSamples.percentileSeries(),
                "Latency by percentile, 64 connections", palette));
        figure(html, ChartFunctions.curveChart(ChartSamples.curves(), 10, "requests",
                "Latency against throughput (1 to 1,024 connections)", palette));
        figure(html, ChartFunctions.timeSeriesChart(ChartSamples.run(), "Netty 4.1, 64 connections, run 1",
                "requests"));
        figure(html, ChartFunctions.barChart(ChartSamples.chatBars(), "ms", "p99 delivery latency, 200 clients (lower is better)",
                palette));
        figure(html, ChartFunctions.timeSeriesChart(ChartSamples.longRun(), "Tornado 6.4, 256 connections, run 2 (a stall)",
                "requests"));
        figure(html, ChartFunctions.percentileChart(List.of(ChartSamples.percentileSeries().get(0)),
                "One framework, a narrow distribution", palette));
        figure(html, ChartFunctions.percentileChart(ChartSamples.manySeries(), "Ten frameworks, long names", palette));
        figure(html, ChartFunctions.curveChart(List.of(ChartSamples.map("label", "One level only", "points",
                List.of(ChartSamples.map("rps", 1234.5, "p50", 0.0, "p99", 0.0)))), Double.NaN, null, null, palette));
        figure(html, ChartFunctions.percentileChart(List.of(), "An empty chart", palette));
        html.append("</body></html>\n");
        Files.createDirectories(PAGE.getParent());
        Files.writeString(PAGE, html);
        assertTrue(Files.size(PAGE) > 10_000);
    }

    private static void figure(StringBuilder html, String svg) {
        html.append("<figure>\n").append(svg).append("\n</figure>\n");
    }
}
