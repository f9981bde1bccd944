package org.mangonel.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SvgTest {
    @Test
    void textIsXmlEscaped() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Svg.esc("<script>alert(1)</script>"));
        assertEquals("a &amp; b &quot;c&quot; &#39;d&#39;", Svg.esc("a & b \"c\" 'd'"));
        assertEquals("x y z", Svg.esc("x\u0000y\nz"), "controls XML cannot carry become spaces");
        assertEquals("😀 ", Svg.esc("😀\uD800"), "pairs kept, a lone surrogate dropped");
        assertEquals("", Svg.esc(null));
    }

    @Test
    void coordinatesAreRoundedToATenth() {
        assertEquals("12.3", Svg.n(12.34));
        assertEquals("12", Svg.n(12.04));
        assertEquals("0", Svg.n(-0.04), "never -0");
        assertEquals("-3.5", Svg.n(-3.46));
        assertEquals("0", Svg.n(Double.NaN));
        assertEquals("0.12", Svg.n2(0.12));
        assertEquals("0.5", Svg.n2(0.5));
        assertEquals("0.05", Svg.n2(0.05));
        assertEquals("1", Svg.n2(1));
    }

    @Test
    void longLabelsAreCutWithAnEllipsis() {
        String cut = Svg.fit("Framework number 7 with a rather long name", 12, 120);
        assertTrue(cut.endsWith("…"));
        assertTrue(Svg.textWidth(cut, 12) <= 120);
        assertEquals("Netty", Svg.fit("Netty", 12, 120));
    }

    @Test
    void numbersHaveThreeSignificantDigitsAndGrouping() {
        assertEquals("107,797", Fmt.sig3(107_797.4));
        assertEquals("12.3", Fmt.sig3(12.34));
        assertEquals("2.24", Fmt.sig3(2.2351));
        assertEquals("0.104", Fmt.sig3(0.10412));
        assertEquals("0.0123", Fmt.sig3(0.012345));
        assertEquals("0", Fmt.sig3(0));
        assertEquals("0", Fmt.sig3(-0.0));
        assertEquals("–", Fmt.sig3(Double.NaN));
        assertEquals("2.24 ms", Fmt.ms(2.2351));
        assertEquals("1.25 s", Fmt.ms(1250));
        assertEquals("10 ms", Fmt.plainMs(10));
        assertEquals("2.5 ms", Fmt.plainMs(2.5));
        assertEquals("107,797 requests/s", BarChart.valueLabel(107_797.4, "requests/s"));
        assertEquals("2.24 ms", BarChart.valueLabel(2.2351, "ms"));
    }

    @Test
    void thePaletteGivesEachLabelItsOwnLastingStyle() {
        Palette p = new Palette();
        assertEquals("#0072B2", p.colorOf("Netty"));
        assertEquals("#D55E00", p.colorOf("Vert.x"));
        assertEquals("#0072B2", p.colorOf("Netty"), "the same label keeps its color");
        Set<String> colors = new HashSet<>();
        Set<Marker> markers = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            colors.add(Palette.style(i).color());
        }
        for (int i = 0; i < 6; i++) {
            markers.add(Palette.style(i).marker());
        }
        assertEquals(8, colors.size(), "eight distinct colors");
        assertEquals(6, markers.size(), "six distinct shapes");
        // past eight the color repeats, but not with the same dash and shape
        assertEquals(Palette.style(0).color(), Palette.style(8).color());
        assertNotEquals(Palette.style(0).dash(), Palette.style(8).dash());
        assertNotEquals(Palette.style(0).marker(), Palette.style(8).marker());
    }
}
