package org.mangonel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mangonel.results.Latency;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.Summary;

/** Each figure is judged against its own noise: the range of that figure over the repetitions. */
class ComparisonTest {
    /** Three repetitions; p50 {@code p50} ms (range p50Min..p50Max), p99 100 ms (range 50..150). */
    private static Summary summary(double p50, Double p50Min, Double p50Max) {
        Latency latency = new Latency(0.1, p50, 1, p50, p50, 100, 120, 150);
        return new Summary("median", 3, false, 2, 10_000, Map.of("total", 0L), Map.of(), 10, 1000, 0, 0, 0,
                latency, latency, null, null, null, null, null,
                new Summary.Spread(990, 1010, 1, 50.0, 150.0, p50Min, p50Max), false, null);
    }

    private static String verdict(List<Comparison.Row> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow().verdict();
    }

    /** A level a capacity search stepped down from is not the framework's figure: never compared. */
    @Test
    void aSupersededLevelIsNeitherComparedNorComparedWith() {
        ResultsFile plain = Results.file(SampleResults.results("Fast one"));
        ResultsFile stepped = Results.file(SampleResults.withSupersededLevel(SampleResults.results("Fast one")));
        int alike = ((List<?>) Comparison.of(plain, "a", plain, "b", 5.0).get("levels")).size();
        for (Map<String, Object> c : List.of(Comparison.of(stepped, "a", plain, "b", 5.0),
                Comparison.of(plain, "a", stepped, "b", 5.0))) {
            assertEquals(alike, ((List<?>) c.get("levels")).size(), "one comparison per level that counts");
            assertEquals(List.of(), c.get("only_a"));
            assertEquals(List.of(), c.get("only_b"));
            assertEquals(List.of(), c.get("regressions"), "the same figures: nothing worse");
        }
    }

    @Test
    void p50IsJudgedByItsOwnRangeNotByP99s() {
        // p99 varied by 100% over the repetitions, p50 by 2%: a p50 up 85% is a regression.
        List<Comparison.Row> rows = Comparison.rows(summary(1.0, 0.99, 1.01), summary(1.85, 1.84, 1.86));
        assertEquals("worse", verdict(rows, "p50"), rows.toString());
        assertEquals("within noise", verdict(rows, "p99"), rows.toString());
        assertEquals("within noise", verdict(rows, "throughput"), rows.toString());
    }

    @Test
    void aP50ThatVariedAsMuchAsItChangedIsWithinNoise() {
        List<Comparison.Row> rows = Comparison.rows(summary(1.0, 0.5, 2.0), summary(1.85, 1.0, 2.0));
        assertEquals("within noise", verdict(rows, "p50"), rows.toString());
    }

    @Test
    void aFileWithoutP50sRangeFallsBackToFivePercent() {
        List<Comparison.Row> rows = Comparison.rows(summary(1.0, null, null), summary(1.04, null, null));
        assertEquals("within noise", verdict(rows, "p50"), rows.toString());
        rows = Comparison.rows(summary(1.0, null, null), summary(1.2, null, null));
        assertEquals("worse", verdict(rows, "p50"), rows.toString());
    }
}
