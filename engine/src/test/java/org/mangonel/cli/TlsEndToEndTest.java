package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS against a real nginx with a self-signed certificate made by openssl for 127.0.0.1 (the
 * test makes both; .ci/run installs nginx): with {@code verify: false} the run has no errors;
 * trusting the certificate's own PEM ({@code ca:}) verifies; with {@code verify: true} and the
 * JDK's trust store the framework fails verification with the certificate's reason; and a
 * benchmark without keep-alive measures one handshake per request.
 */
class TlsEndToEndTest {
    @Test
    void httpsAgainstNginxWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("nginx") && onPath("openssl"),
                "NOTE: nginx and openssl are needed (apt-get install nginx openssl; .ci/run installs them)");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, Files.readString(dir.resolve(
                "openssl.log")));
        Files.writeString(dir.resolve("nginx.conf.in"), String.join("\n",
                "worker_processes 1;",
                "pid nginx-PORT.pid;",
                "error_log stderr warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path tmp; proxy_temp_path tmp; fastcgi_temp_path tmp; uwsgi_temp_path tmp;"
                        + " scgi_temp_path tmp;",
                "  server {",
                "    listen 127.0.0.1:PORT ssl;",
                "    ssl_certificate cert.pem; ssl_certificate_key key.pem;",
                "    ssl_protocols TLSv1.2 TLSv1.3;",
                "    location = / { default_type text/plain; return 200 \"Hello, World!\"; }",
                "  }",
                "}", ""));
        Files.createDirectories(dir.resolve("tmp"));
        String nginx = "sed s/PORT/{port}/g nginx.conf.in > nginx-{port}.conf && exec nginx -p \"$PWD\" -c "
                + "\"$PWD/nginx-{port}.conf\" -g 'daemon off;'";
        Path scenario = dir.resolve("tls.yaml");
        Files.writeString(scenario, String.join("\n",
                "name: tls",
                "duration: 1s",
                "warmup: 300ms",
                "concurrency: [10]",
                "threads: 1",
                "frameworks:",
                "  - name: self-signed",
                "    start: " + yamlQuote(nginx),
                "    url: https://127.0.0.1:{port}",
                "    tls: {verify: false}",
                "  - name: trusted-pem",
                "    start: " + yamlQuote(nginx),
                "    url: https://127.0.0.1:{port}",
                "    tls: {ca: cert.pem, protocols: [TLSv1.3]}",
                "  - name: untrusted",
                "    start: " + yamlQuote(nginx),
                "    url: https://127.0.0.1:{port}",
                "benchmarks:",
                "  - name: hello",
                "    urls: [/]",
                "    expect: {status: 200, body: \"Hello, World!\"}",
                "  - name: handshakes",
                "    frameworks: [self-signed]",
                "    keepalive: false",
                "    urls: [/]",
                ""));
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(scenario.toString(), "--out", out.toString());
        assertEquals(ExitCodes.EXPECTATION_FAILED, o.code(), "one framework fails verification: " + o.err());
        Map<String, Object> results = ResultsTree.read(out);
        List<Map<String, Object>> benchmarks = ResultsTree.list(results.get("benchmarks"));
        List<Map<String, Object>> hello = ResultsTree.list(benchmarks.get(0).get("frameworks"));
        for (Map<String, Object> fw : hello.subList(0, 2)) {
            assertEquals("ok", fw.get("status"), fw.get("name") + ": " + fw.get("reason"));
            Map<String, Object> run = ResultsTree.list(ResultsTree.list(fw.get("levels")).get(0).get("runs")).get(0);
            assertTrue(ResultsTree.number(run.get("requests")) > 100, "requests over TLS: " + run.get("requests"));
            assertEquals(0L, ResultsTree.map(run.get("errors")).get("total"), fw.get("name") + ": no errors");
            Map<String, Object> tls = ResultsTree.map(run.get("tls"));
            assertTrue(((String) tls.get("protocol")).startsWith("TLSv1."), "the protocol is recorded: " + tls);
            assertTrue(((String) tls.get("cipher")).startsWith("TLS_"), "the cipher suite is recorded: " + tls);
        }
        assertEquals("TLSv1.3", ResultsTree.map(ResultsTree.list(ResultsTree.list(hello.get(1).get("levels")).get(0)
                .get("runs")).get(0).get("tls")).get("protocol"), "protocols: [TLSv1.3] is what was negotiated");
        Map<String, Object> untrusted = hello.get(2);
        assertEquals("failed", untrusted.get("status"));
        String reason = (String) untrusted.get("reason");
        assertTrue(reason.startsWith("verification failed: GET /: TLS handshake failed: ")
                && (reason.contains("certification path") || reason.contains("certificate")), reason);
        Map<String, Object> handshakes = ResultsTree.list(ResultsTree.list(ResultsTree.list(benchmarks.get(1)
                .get("frameworks")).get(0).get("levels")).get(0).get("runs")).get(0);
        long requests = ResultsTree.number(handshakes.get("requests"));
        long opened = ResultsTree.number(ResultsTree.map(handshakes.get("tls")).get("handshakes"));
        assertTrue(requests > 10, "requests without keep-alive: " + requests);
        // one per request; the 10 connections' first handshakes may fall just outside the window
        assertTrue(Math.abs(opened - requests) <= 2 * 10, "one handshake per request: " + opened + " for " + requests);
        ResultsTree.assertNoProcessLeft();
    }

    private static String yamlQuote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }
}
