package org.mangonel.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mangonel.protocol.Section;
import org.mangonel.scenario.Rates;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A {@link Section} over a parsed mapping: what a protocol reads its keys through, so that only
 * this package touches SnakeYAML. Every problem lands in the file's {@link Doc} with its position.
 */
final class NodeSection implements Section {
    private final MappingReader m;

    NodeSection(MappingReader m) {
        this.m = m;
    }

    /** A section over {@code node}, or null when it is not a mapping (the problem is recorded). */
    static NodeSection of(Doc doc, Node node, String what, List<String> keys) {
        MappingReader reader = new MappingReader(doc, node, what, keys);
        return node instanceof MappingNode ? new NodeSection(reader) : null;
    }

    @Override
    public boolean has(String key) {
        return m.has(key);
    }

    @Override
    public boolean require(String key) {
        return m.require(key);
    }

    @Override
    public String string(String key) {
        return m.string(key);
    }

    @Override
    public Integer integer(String key, long min, long max) {
        return m.integer(key, min, max);
    }

    @Override
    public Long size(String key, long min) {
        return m.size(key, min);
    }

    @Override
    public Boolean bool(String key) {
        return m.bool(key);
    }

    @Override
    public String choice(String key, List<String> words) {
        return m.choice(key, words);
    }

    @Override
    public Duration duration(String key, Duration min) {
        return m.duration(key, min);
    }

    @Override
    public Double rate(String key) {
        String text = m.string(key);
        if (text == null) {
            return null;
        }
        try {
            return Rates.parse(text);
        } catch (IllegalArgumentException e) {
            m.doc().error(m.value(key), "'" + key + "' " + e.getMessage());
            return null;
        }
    }

    @Override
    public Map<String, String> stringMap(String key) {
        return m.stringMap(key);
    }

    @Override
    public List<Item> list(String key) {
        List<Node> nodes = m.list(key);
        if (nodes == null) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (Node node : nodes) {
            items.add(new NodeItem(m.doc(), node));
        }
        return items;
    }

    @Override
    public Section section(String key, String what, List<String> keys) {
        Node value = m.value(key);
        return value == null ? null : of(m.doc(), value, what, keys);
    }

    @Override
    public void error(String key, String message) {
        Node value = m.value(key);
        m.doc().error(value != null ? value : m.node(), message);
    }

    /** One list item. */
    private record NodeItem(Doc doc, Node node) implements Item {
        @Override
        public String scalar() {
            return node instanceof ScalarNode s && Values.plainTag(node) && !node.getTag().equals(Tag.NULL)
                    ? s.getValue() : null;
        }

        @Override
        public Integer integer(String key, long min, long max) {
            return Values.integer(doc, node, key, min, max);
        }

        @Override
        public Section section(String what, List<String> keys) {
            return of(doc, node, what, keys);
        }

        @Override
        public void error(String message) {
            doc.error(node, message);
        }
    }
}
