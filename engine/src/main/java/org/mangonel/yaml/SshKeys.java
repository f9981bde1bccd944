package org.mangonel.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.scenario.Ssh;
import org.mangonel.scenario.SshDestination;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of frameworks on other hosts: {@code host} (on a framework, or at the top for all) and
 * the top-level {@code ssh} section ({@code identity}, {@code options}, {@code sync},
 * {@code connect_timeout}). Stateless; problems go to the {@link Doc}.
 */
final class SshKeys {
    static final List<String> SSH_KEYS = List.of("identity", "options", "sync", "connect_timeout");

    private SshKeys() {
    }

    /** What {@code host} is for this machine (so that a framework can stay here when the top sets a host). */
    static final String LOCAL = "local";

    /**
     * The {@code host} of a mapping (validated as an SSH destination, or {@link #LOCAL}), or null
     * when absent or wrong.
     */
    static String host(Doc doc, MappingReader m) {
        String text = m.string("host");
        if (text == null || text.equals(LOCAL)) {
            return text;
        }
        try {
            return SshDestination.parse(text).text();
        } catch (IllegalArgumentException e) {
            doc.error(m.value("host"), "'host' should be " + e.getMessage() + ", or local for this machine");
            return null;
        }
    }

    /** The {@code ssh} section; null when it is wrong (then reported). */
    static Ssh ssh(Doc doc, Node node, Path scenarioDir) {
        MappingReader s = new MappingReader(doc, node, "the ssh settings (" + String.join(", ", SSH_KEYS) + ")",
                SSH_KEYS);
        if (!(node instanceof MappingNode)) {
            return null;
        }
        boolean ok = true;
        String identity = s.string("identity");
        if (identity != null && !Files.isReadable(scenarioDir.resolve(identity))) {
            doc.error(s.value("identity"), "'identity' names a key file that cannot be read: "
                    + scenarioDir.resolve(identity).normalize());
            ok = false;
        }
        ok &= !(s.has("identity") && identity == null);
        List<String> options = new ArrayList<>();
        List<Node> items = s.list("options");
        ok &= !(s.has("options") && items == null);
        for (Node item : items == null ? List.<Node>of() : items) {
            if (item instanceof ScalarNode sn && Values.plainTag(item) && !item.getTag().equals(Tag.NULL)) {
                options.add(sn.getValue());
            } else {
                doc.error(item, "'options' lists arguments for ssh, e.g. [-o, ServerAliveInterval=5], found "
                        + Values.describe(item));
                ok = false;
            }
        }
        List<String> sync = new ArrayList<>();
        items = s.list("sync");
        ok &= !(s.has("sync") && items == null);
        for (Node item : items == null ? List.<Node>of() : items) {
            String dir = item instanceof ScalarNode sn && Values.plainTag(item) && !item.getTag().equals(Tag.NULL)
                    ? sn.getValue() : null;
            String problem = dir == null ? "'sync' names folders to copy, found " + Values.describe(item)
                    : syncProblem(scenarioDir, dir);
            if (problem != null) {
                doc.error(item, problem);
                ok = false;
            } else {
                sync.add(Path.of(dir).normalize().toString());
            }
        }
        Duration connect = s.duration("connect_timeout", Duration.ofMillis(100));
        ok &= !(s.has("connect_timeout") && connect == null);
        return ok ? new Ssh(identity, options, sync, connect) : null;
    }

    private static String syncProblem(Path scenarioDir, String dir) {
        Path rel = Path.of(dir).normalize();
        if (rel.isAbsolute() || rel.toString().isEmpty() || rel.toString().equals(".") || rel.startsWith("..")) {
            return "'sync' names a folder inside the scenario's folder (it is copied to the same place under the"
                    + " run's folder on the host), e.g. servers, found '" + dir + "'";
        }
        if (!Files.isDirectory(scenarioDir.resolve(rel))) {
            return "'sync' names a folder that does not exist: " + scenarioDir.resolve(rel);
        }
        return null;
    }
}
