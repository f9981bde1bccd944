package org.mangonel.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.SshDestination;

/** host (per framework, at the top, local), the ssh section, {host} in url, and --host's model side. */
class SshKeysTest {
    private static Scenario parse(Path dir, String yaml) throws ScenarioException {
        return ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", dir.toString(), "t");
    }

    @Test
    void theTopHostMovesStartedFrameworksThatNameNoneOfTheirOwn(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("servers"));
        Files.writeString(dir.resolve("id_test"), "key");
        Scenario s = parse(dir, """
                host: bench@server
                ssh:
                  identity: id_test
                  options: [-o, ServerAliveInterval=10]
                  sync: [servers]
                  connect_timeout: 3s
                frameworks:
                  - {name: a, start: "builtin:hello"}
                  - {name: b, start: "builtin:hello", host: "ssh://root@10.0.0.5:2222"}
                  - {name: c, start: "builtin:hello", host: local}
                  - {name: d, url: "http://{host}:8080"}
                benchmarks:
                  - {name: x, urls: [/]}
                """);
        assertEquals("bench@server", s.framework("a").orElseThrow().host());
        assertEquals("ssh://root@10.0.0.5:2222", s.framework("b").orElseThrow().host());
        assertNull(s.framework("c").orElseThrow().host(), "local stays here");
        assertNull(s.framework("d").orElseThrow().host(), "one that is only reached is not moved");
        assertEquals("http://{host}:8080", s.framework("d").orElseThrow().url());
        assertEquals("id_test", s.ssh().identity());
        assertEquals(List.of("-o", "ServerAliveInterval=10"), s.ssh().options());
        assertEquals(List.of("servers"), s.ssh().sync());
        assertEquals(Duration.ofSeconds(3), s.ssh().connectTimeout());

        Scenario moved = s.onHost("ssh://me@other:22");
        assertEquals(List.of("ssh://me@other:22", "ssh://me@other:22", "ssh://me@other:22"),
                List.of("a", "b", "c").stream().map(n -> moved.framework(n).orElseThrow().host()).toList());
        assertNull(moved.framework("d").orElseThrow().host());
    }

    @Test
    void withoutHostsNothingChanges(@TempDir Path dir) throws Exception {
        Scenario s = parse(dir, "frameworks:\n  - {name: a, start: \"builtin:hello\"}\nbenchmarks:\n  - {name: x, urls: [/]}\n");
        assertNull(s.framework("a").orElseThrow().host());
        assertEquals(List.of(), s.ssh().sync());
        assertEquals(Duration.ofSeconds(10), s.ssh().connectTimeout());
    }

    @Test
    void destinationsAreCheckedForTheirForm() {
        assertEquals(new SshDestination("bench@db", "bench", "db", null), SshDestination.parse("bench@db"));
        assertEquals(new SshDestination("db", null, "db", null), SshDestination.parse("db"));
        assertEquals(new SshDestination("ssh://root@127.0.0.2:2222", "root", "127.0.0.2", 2222),
                SshDestination.parse("ssh://root@127.0.0.2:2222"));
        assertEquals("::1", SshDestination.parse("ssh://u@[::1]:22").hostname());
        for (String bad : List.of("", " db", "-oProxyCommand=x", "u@", "@db", "ssh://", "ssh://db/path", "http://db",
                "db:/x", "a b", "u@-x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SshDestination.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("an SSH destination such as"), e.getMessage());
        }
    }
}
