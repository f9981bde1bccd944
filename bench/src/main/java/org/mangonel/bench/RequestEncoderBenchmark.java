package org.mangonel.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mangonel.protocol.chat.ChatLineDecoder;
import org.mangonel.protocol.chat.ChatLines;
import org.mangonel.protocol.http.HttpRequestEncoder;
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
 * The sending side. A request is encoded once per URL at setup ({@link #encodeOnce}); per request
 * the engine only copies the ready bytes into the loop's direct write buffer
 * ({@link #copyPerRequest}), which is the cost that matters. Chat lines are formatted per message
 * ({@link #chatLine}: the sender's template, its digits filled in, copied into the direct write
 * buffer) and parsed per delivery ({@link #chatLineDecode}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestEncoderBenchmark {
    private final ByteBuffer out = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] newline = {'\n'};
    private final ChatLineDecoder chatDecoder = new ChatLineDecoder(64, 1 << 20);
    private final ChatLines.Template chatTemplate = new ChatLines.Template(64, newline);
    private byte[] request;
    private ByteBuffer chatLine;
    private long seq;

    @Setup
    public void setup() {
        request = encodeOnce();
        chatLine = ByteBuffer.allocate(128);
        ChatLines.encode(chatLine, 17, 1234, 5_000_000, 5_000_100, 64, newline);
        chatLine.flip();
    }

    @Benchmark
    public byte[] encodeOnce() {
        return HttpRequestEncoder.encode("GET", "/", "127.0.0.1:18080",
                List.of(new HttpRequestEncoder.Header("Accept", "text/plain")), new byte[0], true, "mangonel/0.1.0");
    }

    @Benchmark
    public int copyPerRequest() {
        out.clear();
        out.put(request);
        out.flip();
        return out.remaining();
    }

    @Benchmark
    public int chatLine() {
        out.clear();
        chatTemplate.encode(out, 17, seq++, 5_000_000, 5_000_100);
        return out.position();
    }

    @Benchmark
    public long chatLineDecode() {
        chatLine.position(0);
        chatDecoder.decode(chatLine);
        return chatDecoder.dueUs();
    }
}
