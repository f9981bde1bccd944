package org.mangonel.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.mangonel.protocol.http.BodyMatcher;
import org.mangonel.protocol.http.HttpResponseDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response decoder on the responses the load engine sees most: nginx's answer to
 * {@code GET /} (Content-Length), a chunked one, and 16 pipelined responses in one buffer. Heap
 * buffers, as the event loop reads into. Run with {@code -prof gc} to see the allocation rate
 * (zero per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseDecoderBenchmark {
    static final String NGINX = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Fri, 27 Nov 2026 03:00:00 GMT\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 13\r\nConnection: keep-alive\r\n\r\nHello, World!";
    static final String CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nHello\r\n8\r\n, World!\r\n0\r\n\r\n";

    private final HttpResponseDecoder decoder = new HttpResponseDecoder(64 * 1024, 1 << 20);
    private final BodyMatcher exact = BodyMatcher.equalTo("Hello, World!".getBytes(StandardCharsets.US_ASCII));
    private ByteBuffer nginx;
    private ByteBuffer chunked;
    private ByteBuffer pipelined;

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(bytes.length);
        b.put(bytes).flip();
        return b;
    }

    @Setup
    public void setup() {
        nginx = direct(NGINX);
        chunked = direct(CHUNKED);
        pipelined = direct(NGINX.repeat(16));
    }

    @Benchmark
    public int contentLength() {
        nginx.position(0);
        decoder.begin(false, null);
        decoder.decode(nginx);
        return decoder.status();
    }

    @Benchmark
    public boolean contentLengthWithExactBodyCheck() {
        nginx.position(0);
        decoder.begin(false, exact);
        decoder.decode(nginx);
        return decoder.bodyMatched();
    }

    @Benchmark
    public int chunked() {
        chunked.position(0);
        decoder.begin(false, null);
        decoder.decode(chunked);
        return decoder.status();
    }

    /** Sixteen responses decoded one after the other from one read: the pipelining case. */
    @Benchmark
    public int pipelined16() {
        pipelined.position(0);
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            decoder.begin(false, null);
            decoder.decode(pipelined);
            sum += decoder.status();
        }
        return sum;
    }
}
