package org.mangonel.yaml;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mangonel.scenario.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed readings of scalar nodes, each recording a located problem instead of throwing. */
final class Values {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB|k|K|M|G)?");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The tags YAML resolves implicitly; any other tag is refused. */
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL, Tag.MAP,
            Tag.SEQ, Tag.TIMESTAMP, Tag.MERGE);

    private Values() {
    }

    static boolean isSafeName(String text) {
        return SAFE_NAME.matcher(text).matches() && !text.equals(".") && !text.equals("..");
    }

    static boolean plainTag(Node node) {
        return PLAIN_TAGS.contains(node.getTag());
    }

    /** A short description of what a node is, for "expected X, found Y" messages. */
    static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (!plainTag(node)) {
            return "the tag '" + node.getTag().getValue() + "' (tags are not allowed in scenarios)";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (node.getTag().equals(Tag.NULL)) {
            return "an empty value";
        }
        String kind = node.getTag().equals(Tag.INT) ? "the number " : node.getTag().equals(Tag.FLOAT)
                ? "the number " : node.getTag().equals(Tag.BOOL) ? "the boolean " : "the text ";
        String text = scalar.getValue();
        return kind + "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    static Integer integer(Doc doc, Node value, String key, long min, long max) {
        if (!(value instanceof ScalarNode scalar) || !value.getTag().equals(Tag.INT)) {
            doc.error(value, "'" + key + "' should be a whole number, found " + describe(value));
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            doc.error(value, "'" + key + "' should be a whole number in decimal, found '" + scalar.getValue() + "'");
            return null;
        }
        if (parsed < min || parsed > max) {
            doc.error(value, "'" + key + "' must be " + range(min, max) + ", found " + parsed);
            return null;
        }
        return (int) parsed;
    }

    private static String range(long min, long max) {
        if (max >= Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "between " + min + " and " + max;
    }

    static Duration duration(Doc doc, Node value, String key, Duration min) {
        if (!(value instanceof ScalarNode scalar) || !plainTag(value) || value.getTag().equals(Tag.NULL)) {
            doc.error(value, "'" + key + "' should be a duration such as 500ms, 10s or 5m, found " + describe(value));
            return null;
        }
        String text = scalar.getValue().trim();
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            doc.error(value, "'" + key + "' " + e.getMessage());
            return null;
        }
        if (d.compareTo(min) < 0) {
            doc.error(value, "'" + key + "' must be " + (min.isZero() ? "at least 0" : "more than 0") + ", found '"
                    + text + "'");
            return null;
        }
        return d;
    }

    static Long size(Doc doc, Node value, String key, long min) {
        if (!(value instanceof ScalarNode scalar) || !plainTag(value) || value.getTag().equals(Tag.NULL)) {
            doc.error(value, "'" + key + "' should be a size such as 65536, 64KiB or 1MiB, found " + describe(value));
            return null;
        }
        Matcher m = SIZE.matcher(scalar.getValue().trim());
        if (!m.matches()) {
            doc.error(value, "'" + key + "' should be a size such as 65536, 64KiB or 1MiB, found '" + scalar.getValue() + "'");
            return null;
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
            case "KIB", "K" -> 1024L;
            case "MIB", "M" -> 1024L * 1024;
            case "GIB", "G" -> 1024L * 1024 * 1024;
            case "KB" -> 1000L;
            case "MB" -> 1000_000L;
            case "GB" -> 1000_000_000L;
            default -> 1L;
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            doc.error(value, "'" + key + "' is too large: '" + scalar.getValue() + "'");
            return null;
        }
        if (bytes < min) {
            doc.error(value, "'" + key + "' must be at least " + min + " bytes, found '" + scalar.getValue() + "'");
            return null;
        }
        return bytes;
    }
}
