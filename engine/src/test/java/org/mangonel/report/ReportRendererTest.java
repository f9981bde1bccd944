package org.mangonel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report.md");

    /** The tree as a page sees it after the file was written and read back. */
    private static Map<String, Object> reparsed(ResultsFile file) throws Exception {
        Path tmp = Files.createTempFile("results", ".json");
        try {
            ResultsJson.write(file, tmp);
            return ResultsJson.tree(ResultsJson.read(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Set -Dgolden.update=true to rewrite the golden file after a deliberate template change. */
    @Test
    void markdownMatchesTheGoldenFile() throws Exception {
        Map<String, Object> tree = reparsed(Results.file(SampleResults.results("Fast one")));
        String md = new ReportRenderer(null).render("report.md.ftl", tree);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, md);
        }
        assertEquals(Files.readString(GOLDEN), md);
    }

    @Test
    void renderingFromTheTreeOrFromTheJsonFileGivesTheSamePage() throws Exception {
        ResultsFile file = Results.file(SampleResults.results("Fast one"));
        Map<String, Object> tree = ResultsJson.tree(file);
        ReportRenderer renderer = new ReportRenderer(null);
        assertEquals(renderer.render("report.md.ftl", tree), renderer.render("report.md.ftl", reparsed(file)));
        assertEquals(renderer.render("report.html.ftl", tree), renderer.render("report.html.ftl", reparsed(file)));
    }

    @Test
    void htmlIsSelfContainedWithAChartAndEscapesNames() throws Exception {
        Map<String, Object> tree = reparsed(Results.file(SampleResults.results("<script>alert(1)</script>")));
        String html = new ReportRenderer(null).render("report.html.ftl", tree);
        assertFalse(html.contains("<script>"), "names are escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("<svg"), "a chart");
        assertTrue(html.contains("<rect"), "with bars");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "no network fetches");
    }

    /**
     * A level a capacity search stepped down from stays in the file, out of the level's table (the
     * framework is listed once, with the level it settled on), its reason under the table.
     */
    @Test
    void aSupersededLevelIsNotARowButItsReasonIsShown() throws Exception {
        ResultsModel.RunResults sample = SampleResults.results("Fast one");
        ResultsModel.RunResults results = SampleResults.withSupersededLevel(sample);
        ResultsFile file = Results.file(results);
        assertEquals("superseded", file.benchmarks().get(0).frameworks().get(1).levels().get(0).status());
        ReportRenderer renderer = new ReportRenderer(null);
        Map<String, Object> tree = reparsed(file);
        Map<String, Object> plain = reparsed(Results.file(sample));
        for (String page : List.of("report.md.ftl", "report.html.ftl")) {
            // the charts aside (the latency-against-throughput one plots every level measured)
            String with = renderer.render(page, tree).replaceAll("(?s)<figure.*?</figure>", "");
            String without = renderer.render(page, plain).replaceAll("(?s)<figure.*?</figure>", "");
            assertEquals(count(without, "Fast one"), count(with, "Fast one") - 1,
                    page + ": the framework once more, in the note, not as a second row");
            assertTrue(with.contains("Fast one: superseded (at 9.5/s, the load found: p99 was 120.0 ms"), page);
        }
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    @Test
    void bestRunIsChosenAndTheSpreadShown() {
        String json = ResultsJson.write(Results.file(SampleResults.results("Fast one")));
        assertTrue(json.contains("\"chosen_repetition\" : 2"), "the faster repetition of 'fast' is the best");
        assertTrue(json.contains("\"rps_min\" : 1000.0"), json);
        assertTrue(json.contains("\"rps_max\" : 1200.0"));
    }

    @Test
    void templatesCannotInstantiateClasses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("evil.md.ftl"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        ReportRenderer renderer = new ReportRenderer(dir);
        Map<String, Object> tree = reparsed(Results.file(SampleResults.results("x")));
        Exception e = assertThrows(Exception.class, () -> renderer.render("evil.md.ftl", tree));
        assertTrue(e.getMessage().contains("Instantiating freemarker.template.utility.Execute is not allowed"),
                e.getMessage());
        Files.writeString(dir.resolve("api.md.ftl"), "${results?api.getClass().getName()}");
        Exception api = assertThrows(Exception.class, () -> renderer.render("api.md.ftl", tree));
        assertTrue(api.getMessage().contains("?api"), api.getMessage());
    }

    @Test
    void userTemplatesAreUsedFromTheirFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("report.md.ftl"), "${results.scenario.name}: ${ms(1234.5)}, ${num(1234567)}");
        Files.writeString(dir.resolve("report.html.ftl"), "<p>${results.scenario.title}</p>");
        Path out = dir.resolve("out");
        new ReportRenderer(dir).renderDefaults(reparsed(Results.file(SampleResults.results("x"))), out);
        assertEquals("sample: 1.23 s, 1,234,567", Files.readString(out.resolve("report.md")));
        assertEquals("<p>Sample | report</p>", Files.readString(out.resolve("report.html")));
    }
}
