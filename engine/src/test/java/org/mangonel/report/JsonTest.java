package org.mangonel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripKeepsValuesAndOrder() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", "text with \"quotes\", \\, \n, \t and \u0001");
        tree.put("a", 42L);
        tree.put("pi", 3.25);
        tree.put("whole", 2.0);
        tree.put("yes", true);
        tree.put("none", null);
        tree.put("list", new ArrayList<>(Arrays.asList(1L, 2L, 3L)));
        tree.put("nested", new LinkedHashMap<>(Map.of("k", new ArrayList<>(List.of("v")))));
        tree.put("empty", new LinkedHashMap<>());
        tree.put("unicode", "→ é");
        Object back = Json.parse(Json.write(tree));
        assertEquals(tree, back);
        assertEquals(List.of("z", "a", "pi", "whole", "yes", "none", "list", "nested", "empty", "unicode"),
                new ArrayList<>(((Map<?, ?>) back).keySet()));
    }

    @Test
    void mistakesNameTheirPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n  \"a\": tru\n}"));
        assertTrue(e.getMessage().startsWith("invalid JSON at 2:8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"\\q\""));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
    }
}
