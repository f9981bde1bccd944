package org.mangonel.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping whose valid keys are known in advance. On construction it reports
 * duplicate keys and unknown keys (naming the closest valid one); the typed getters report a
 * wrong type or value at the value's position and return {@code null}, so a caller reads every
 * field and the user sees every mistake at once. Merge keys ({@code <<: *anchor}) bring the
 * anchored mapping's keys; keys starting with {@code x-} are extension fields, ignored (as in
 * Compose files): the place to keep anchored defaults.
 */
final class MappingReader {
    private final Doc doc;
    private final Node node;
    private final String what;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    /** Keys that start with this are ignored: {@code x-defaults: {python: &python {...}}}. */
    static final String EXTENSION_PREFIX = "x-";

    /**
     * @param doc  the file
     * @param node the node that should be a mapping (a problem is recorded if it is not)
     * @param what how to name this mapping in messages, e.g. "a framework"
     * @param keys every valid key
     */
    MappingReader(Doc doc, Node node, String what, List<String> keys) {
        this(doc, node, what, keys, key -> null);
    }

    /**
     * @param elsewhere for an unknown key, a message saying where it belongs instead (e.g. to
     *                  another protocol), or null to suggest the closest valid key
     */
    MappingReader(Doc doc, Node node, String what, List<String> keys,
                  java.util.function.Function<String, String> elsewhere) {
        this.doc = doc;
        this.node = node;
        this.what = what;
        if (!(node instanceof MappingNode mapping)) {
            doc.error(node, "expected " + what + " (a mapping of keys to values), found " + Values.describe(node));
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!doc.visit(keyNode)) {
                return;
            }
            if (isMerge(tuple)) {
                // "<<: *defaults" (or a list of them): the merged mappings' keys, after this one's own
                mergeProblem(doc, tuple);
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalar) || !Values.plainTag(keyNode)) {
                doc.error(keyNode, "expected a plain key in " + what + ", found " + Values.describe(keyNode));
                continue;
            }
            if (entries.containsKey(scalar.getValue())) {
                doc.error(keyNode, "duplicate key '" + scalar.getValue() + "' in " + what);
            } else {
                accept(scalar.getValue(), tuple, keys, elsewhere);
            }
        }
        for (NodeTuple tuple : merged(mapping)) {
            // a key given here, or by an earlier merged mapping, wins (YAML's merge key)
            if (tuple.getKeyNode() instanceof ScalarNode scalar && Values.plainTag(scalar)
                    && !entries.containsKey(scalar.getValue())) {
                accept(scalar.getValue(), tuple, keys, elsewhere);
            }
        }
    }

    private void accept(String key, NodeTuple tuple, List<String> keys,
                        java.util.function.Function<String, String> elsewhere) {
        if (key.startsWith(EXTENSION_PREFIX)) {
            return; // an extension field: anchors live here
        }
        if (!keys.contains(key)) {
            String belongs = elsewhere.apply(key);
            doc.error(tuple.getKeyNode(), belongs != null ? belongs
                    : "unknown key '" + key + "' in " + what
                    + (what.contains(String.join(", ", keys)) ? Suggest.hint(key, keys) // listed already
                            : "; " + Suggest.closest(key, keys)));
        } else {
            entries.put(key, tuple);
        }
    }

    /** Whether the tuple is a merge key ({@code <<: *defaults}). */
    static boolean isMerge(NodeTuple tuple) {
        return Tag.MERGE.equals(tuple.getKeyNode().getTag());
    }

    /** Reports a merge key whose value is not a mapping or a list of mappings. */
    static void mergeProblem(Doc doc, NodeTuple merge) {
        Node value = merge.getValueNode();
        boolean ok = value instanceof MappingNode || value instanceof SequenceNode seq
                && seq.getValue().stream().allMatch(item -> item instanceof MappingNode);
        if (!ok) {
            doc.error(value, "'<<' merges a mapping (an alias such as *defaults) or a list of them, found "
                    + Values.describe(value));
        }
    }

    /**
     * The key-value pairs a mapping's merge keys bring, in precedence order (the first mapping
     * merged first, and what it merges itself after its own keys); merge keys themselves left out,
     * each mapping visited once (an alias may point back at its own mapping). The mapping's own
     * keys come before all of these: a caller keeps the first value of each key.
     */
    static List<NodeTuple> merged(MappingNode mapping) {
        List<NodeTuple> out = new ArrayList<>();
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.add(mapping);
        collectMerged(mapping, out, seen);
        return out;
    }

    private static void collectMerged(MappingNode mapping, List<NodeTuple> out, java.util.Set<Node> seen) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isMerge(tuple)) {
                continue;
            }
            List<Node> sources = tuple.getValueNode() instanceof SequenceNode seq ? seq.getValue()
                    : List.of(tuple.getValueNode());
            for (Node source : sources) {
                if (source instanceof MappingNode m && seen.add(m)) {
                    for (NodeTuple t : m.getValue()) {
                        if (!isMerge(t)) {
                            out.add(t);
                        }
                    }
                    collectMerged(m, out, seen);
                }
            }
        }
    }

    Doc doc() {
        return doc;
    }

    /** The mapping node itself, for messages about missing keys. */
    Node node() {
        return node;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node for a key, or null if absent. */
    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** Records a "missing key" problem at the mapping when {@code key} is absent; returns presence. */
    boolean require(String key) {
        if (has(key)) {
            return true;
        }
        doc.error(node, what + " needs the key '" + key + "'");
        return false;
    }

    /** Any scalar's text (numbers and booleans as written), or null. */
    String string(String key) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || !Values.plainTag(value) || value.getTag().equals(Tag.NULL)) {
            doc.error(value, "'" + key + "' should be text, found " + Values.describe(value));
            return null;
        }
        return scalar.getValue();
    }

    /** A non-empty string that is a safe name (letters, digits, '.', '_', '-'), or null. */
    String name(String key) {
        String text = string(key);
        if (text != null && !Values.isSafeName(text)) {
            doc.error(value(key), "'" + key + "' must be a name of letters, digits, '.', '_' or '-' that starts with"
                    + " a letter or digit (it is used in file names), found '" + text + "'");
            return null;
        }
        return text;
    }

    /** An integer within [min, max], or null. */
    Integer integer(String key, long min, long max) {
        Node value = value(key);
        return value == null ? null : Values.integer(doc, value, key, min, max);
    }

    Boolean bool(String key) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || !value.getTag().equals(Tag.BOOL)) {
            doc.error(value, "'" + key + "' should be true or false, found " + Values.describe(value));
            return null;
        }
        String text = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
        return text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y");
    }

    /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}; at least {@code min}. */
    Duration duration(String key, Duration min) {
        Node value = value(key);
        return value == null ? null : Values.duration(doc, value, key, min);
    }

    /** A byte size such as {@code 65536}, {@code 64KiB}, {@code 1MiB}. */
    Long size(String key, long min) {
        Node value = value(key);
        return value == null ? null : Values.size(doc, value, key, min);
    }

    /** One of the given words (case-insensitive), returned in lower case, or null. */
    String choice(String key, List<String> words) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!words.contains(lower)) {
            doc.error(value(key), "'" + key + "' must be one of " + String.join(", ", words) + ", found '" + text
                    + "'" + Suggest.hint(lower, words));
            return null;
        }
        return lower;
    }

    /**
     * The items of a sequence; a single non-sequence value counts as a list of one. Returns null
     * (with a problem) when the value is a mapping or null.
     */
    List<Node> list(String key) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (value instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!doc.visit(item)) {
                    break;
                }
                items.add(item);
            }
            return items;
        }
        if (value instanceof ScalarNode && !value.getTag().equals(Tag.NULL)) {
            return List.of(value);
        }
        doc.error(value, "'" + key + "' should be a list, found " + Values.describe(value));
        return null;
    }

    /** A mapping of text to text (e.g. environment variables, headers), in order. */
    Map<String, String> stringMap(String key) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof MappingNode mapping)) {
            doc.error(value, "'" + key + "' should be a mapping of names to values, found " + Values.describe(value));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        int own = mapping.getValue().size(); // the mapping's own pairs, then those its merge keys bring
        List<NodeTuple> all = new ArrayList<>(mapping.getValue());
        all.addAll(merged(mapping));
        for (int i = 0; i < all.size(); i++) {
            NodeTuple tuple = all.get(i);
            Node k = tuple.getKeyNode();
            Node v = tuple.getValueNode();
            if (!doc.visit(k) || !doc.visit(v)) {
                break;
            }
            if (isMerge(tuple)) {
                mergeProblem(doc, tuple);
                continue;
            }
            if (i >= own && k instanceof ScalarNode ks0 && out.containsKey(ks0.getValue())) {
                continue; // given in the mapping itself, or by an earlier merged mapping: that one wins
            }
            if (!(k instanceof ScalarNode ks) || !Values.plainTag(k)) {
                doc.error(k, "expected a name in '" + key + "', found " + Values.describe(k));
            } else if (!(v instanceof ScalarNode vs) || !Values.plainTag(v) || v.getTag().equals(Tag.NULL)) {
                doc.error(v, "the value of '" + ks.getValue() + "' in '" + key + "' should be text, found "
                        + Values.describe(v));
            } else if (out.containsKey(ks.getValue())) {
                doc.error(k, "duplicate name '" + ks.getValue() + "' in '" + key + "'");
            } else {
                out.put(ks.getValue(), vs.getValue());
            }
        }
        return out;
    }
}
