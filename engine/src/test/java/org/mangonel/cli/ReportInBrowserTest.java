package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped hello scenario with two levels and two repetitions, its HTML page loaded in a real
 * browser (headless Chromium; skipped where none is installed — CI installs it): the page runs
 * without a script error, it holds the percentile, time-series, bar and latency-against-throughput
 * charts as inline SVG, every chart drew data marks of non-zero size, and every run's interval log
 * is read by HdrHistogram's own {@code HistogramLogProcessor}.
 */
class ReportInBrowserTest {
    /** Appended to a copy of the page: counts, in the rendered page, what each chart drew. */
    private static final String PROBE = String.join("\n",
            "<script>",
            "window.__errors = [];",
            "window.addEventListener('error', e => window.__errors.push(String(e.message)));",
            "window.addEventListener('load', () => {",
            "  const charts = [...document.querySelectorAll('figure.chart svg')].map(svg => {",
            "    const marks = [...svg.querySelectorAll('.mgc-d')].filter(el => {",
            "      const b = el.getBBox(); return b.width > 0 || b.height > 0; }).length;",
            "    const r = svg.getBoundingClientRect();",
            "    return {title: svg.getAttribute('aria-label').split('.')[0], marks: marks, width: r.width, height: r.height};",
            "  });",
            "  const pre = document.createElement('pre'); pre.id = 'probe';",
            "  pre.textContent = JSON.stringify({errors: window.__errors, charts: charts});",
            "  document.body.appendChild(pre);",
            "});",
            "</script>");

    @Test
    void thePageRendersItsChartsWithDataInABrowser(@TempDir Path dir) throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no chromium installed (apt-get install chromium)");
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--only",
                "mangonel-hello,python-asyncio", "--duration", "2s", "--warmup", "1s", "--repetitions", "2", "-c",
                "10,50", "--out", out.toString());
        assertEquals(0, o.code(), o.err());

        Path page = dir.resolve("probed.html");
        String html = Files.readString(out.resolve("report.html"));
        Files.writeString(page, html.replace("</body>", PROBE + "\n</body>"));
        Process p = new ProcessBuilder(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--virtual-time-budget=10000", "--window-size=1280,2000", "--dump-dom", page.toUri().toString())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        Matcher m = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the probe ran in the page; chromium said: " + Files.readString(dir.resolve("chromium.err")));
        JsonNode probe = new ObjectMapper().readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&"));
        assertEquals(0, probe.get("errors").size(), "no script error: " + probe.get("errors"));
        List<String> titles = new ArrayList<>();
        for (JsonNode chart : probe.get("charts")) {
            String title = chart.get("title").asText();
            titles.add(title);
            assertTrue(chart.get("marks").asInt() > 0, "the chart drew data: " + chart);
            assertTrue(chart.get("width").asDouble() > 300 && chart.get("height").asDouble() > 100,
                    "the chart has a readable size: " + chart);
        }
        assertEquals(1, titles.stream().filter(t -> t.startsWith("Latency against throughput")).count(), "" + titles);
        assertEquals(2, titles.stream().filter(t -> t.startsWith("Requests per second")).count(), "" + titles);
        assertEquals(2, titles.stream().filter(t -> t.startsWith("Latency by percentile")).count(), "" + titles);
        // the run each row shows (best of 2), per framework and level
        assertEquals(4, titles.stream().filter(t -> t.contains(", run ")).count(), "" + titles);

        List<Path> logs;
        try (Stream<Path> files = Files.walk(out.resolve("runs"))) {
            logs = files.filter(f -> f.toString().endsWith(".hlog")).toList();
        }
        assertEquals(2 * 2 * 2, logs.size(), "one interval log per run: " + logs);
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.HdrHistogram.HistogramLogProcessor", "-i",
                logs.get(0).toString()).redirectErrorStream(true).start();
        String read = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(reader.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, reader.exitValue(), read);
        // its percentile distribution of every interval together: Value, Percentile, TotalCount, 1/(1-p)
        List<String> rows = read.lines().filter(l -> l.matches("\\s*[0-9.]+\\s+[0-9.]+\\s+[0-9]+\\s+[0-9.]+\\s*")).toList();
        assertTrue(rows.size() >= 2, "HistogramLogProcessor read the log: " + read);
        long total = Long.parseLong(rows.get(rows.size() - 1).trim().split("\\s+")[2]);
        assertTrue(total > 1000, "it holds the run's samples: " + total);
    }

    private static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Optional.of(Path.of(d, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
