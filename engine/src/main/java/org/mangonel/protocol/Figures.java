package org.mangonel.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merging a protocol's own figures (maps of numbers and maps) from several shards. Stateless. */
public final class Figures {
    private Figures() {
    }

    /** The key-by-key sum of {@code parts}: numbers added, nested maps summed, anything else kept from the first. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> sum(List<Map<String, Object>> parts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> part : parts) {
            for (Map.Entry<String, Object> e : part.entrySet()) {
                Object have = out.get(e.getKey());
                Object add = e.getValue();
                if (have == null) {
                    out.put(e.getKey(), add instanceof Map<?, ?> m ? sum(List.of((Map<String, Object>) m)) : add);
                } else if (have instanceof Number a && add instanceof Number b) {
                    out.put(e.getKey(), a instanceof Double || b instanceof Double || a instanceof Float
                            ? (Object) (a.doubleValue() + b.doubleValue()) : (Object) (a.longValue() + b.longValue()));
                } else if (have instanceof Map<?, ?> a && add instanceof Map<?, ?> b) {
                    out.put(e.getKey(), sum(List.of((Map<String, Object>) a, (Map<String, Object>) b)));
                }
            }
        }
        return out;
    }
}
