package org.mangonel.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes Kubernetes manifests as YAML text: block mappings and sequences of strings, integers and
 * booleans. A small emitter rather than SnakeYAML, which only the {@code yaml} package may use
 * (ArchitectureTest), and only to read scenarios.
 *
 * <p>Strings are quoted unless they are unmistakably plain strings for both YAML 1.1 (SnakeYAML)
 * and YAML 1.2 (Kubernetes' go-yaml): anything that could read as a number, a boolean, a null, a
 * timestamp or a sexagesimal, or that holds an indicator character, is double-quoted with escapes.
 * A multi-line string is written as a literal block ({@code |}) when that gives back exactly the
 * same text (chomping and indentation indicators chosen for it), else double-quoted: this is how a
 * scenario travels in a ConfigMap byte for byte.
 */
final class KubeYaml {
    /** Plain scalars: a letter, {@code _} or {@code /} first, then only these; never a YAML 1.1 bool or null. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");
    private static final int STEP = 2;

    private KubeYaml() {
    }

    /** One document, starting with {@code ---}. */
    static String document(Map<String, ?> root) {
        StringBuilder out = new StringBuilder(4096);
        out.append("---\n");
        mapping(out, root, 0, false);
        return out.toString();
    }

    private static void mapping(StringBuilder out, Map<String, ?> map, int indent, boolean firstInline) {
        boolean first = true;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (!(first && firstInline)) {
                pad(out, indent);
            }
            first = false;
            out.append(scalar(e.getKey())).append(':');
            value(out, e.getValue(), indent);
        }
    }

    /** A mapping's value, after {@code key:}; {@code indent} is the key's column. */
    private static void value(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                mapping(out, cast(map), indent + STEP, false);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                sequence(out, list, indent + STEP);
            }
        } else if (value instanceof String s && literalSafe(s)) {
            literal(out, s, indent);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static void sequence(StringBuilder out, List<?> list, int indent) {
        for (Object item : list) {
            pad(out, indent);
            out.append("- ");
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                mapping(out, cast(map), indent + STEP, true);
            } else if (item instanceof List<?> inner && !inner.isEmpty()) {
                out.setLength(out.length() - 1); // "-" then the nested sequence below
                out.append('\n');
                sequence(out, inner, indent + STEP);
            } else if (item instanceof Map<?, ?>) {
                out.append("{}\n");
            } else if (item instanceof List<?>) {
                out.append("[]\n");
            } else {
                out.append(scalar(item)).append('\n');
            }
        }
    }

    /**
     * A literal block for a mapping value whose key is at column {@code indent}: its lines at
     * {@code indent + 2}, with an explicit indentation indicator when the text's first line starts
     * with white space or is empty (which auto-detection would misread), and the chomping
     * indicator that keeps exactly the text's trailing newlines.
     */
    private static void literal(StringBuilder out, String text, int indent) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        int trailing = text.length() - end;
        out.append(" |");
        char first = text.charAt(0);
        if (first == ' ' || first == '\t' || first == '\n') {
            out.append(STEP);
        }
        out.append(trailing == 0 ? "-" : trailing == 1 ? "" : "+").append('\n');
        for (String line : text.substring(0, end).split("\n", -1)) {
            if (!line.isEmpty()) {
                pad(out, indent + STEP);
                out.append(line);
            }
            out.append('\n');
        }
        for (int i = 1; i < trailing; i++) {
            out.append('\n');
        }
    }

    /** True when a literal block gives back exactly this text: several lines, nothing a YAML reader would change. */
    static boolean literalSafe(String s) {
        if (s.indexOf('\n') < 0 || s.isBlank()) {
            return false;
        }
        return s.codePoints().allMatch(c -> c == '\n' || c == '\t' || (printable(c) && c != 0xFEFF));
    }

    /** A scalar in flow position: plain, or double-quoted. */
    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    /** A double-quoted scalar: escapes for the quote, the backslash and everything not printable. */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0 -> out.append("\\0");
                default -> {
                    if (printable(c) && c != 0xFEFF) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xFF) {
                        out.append(String.format("\\x%02X", c));
                    } else if (c <= 0xFFFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.append(String.format("\\U%08X", c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * Characters both YAML 1.1 and 1.2 readers take as they are inside a scalar: printable, and
     * not a line break (NEL, LS and PS are line breaks in YAML 1.1).
     */
    private static boolean printable(int c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static void pad(StringBuilder out, int n) {
        out.append(" ".repeat(n));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
