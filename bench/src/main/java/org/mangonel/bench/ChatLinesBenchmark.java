package org.mangonel.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.mangonel.protocol.chat.ChatLineDecoder;
import org.mangonel.protocol.chat.ChatLines;
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
 * The chat client's message lines. Encoding one 64-byte line into a direct buffer, as a client
 * sends each message (its template into its event loop's write buffer). Decoding what a relay sends a
 * recipient: one line prefixed with the sender's nickname ({@code user42: #mg ...}), as most
 * relays relay it, and 16 such lines in one buffer (a relay's batched write, read at once), from
 * heap buffers, as the event loop reads into. Zero allocation per operation ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChatLinesBenchmark {
    private static final int SIZE = 64;
    private static final byte[] LF = {'\n'};
    private final ChatLineDecoder decoder = new ChatLineDecoder(SIZE, 64 * 1024);
    private final ByteBuffer out = ByteBuffer.allocateDirect(4096);
    private final ChatLines.Template template = new ChatLines.Template(SIZE, LF);
    private long seq;
    private ByteBuffer one;
    private ByteBuffer sixteen;

    private static ByteBuffer lines(int count) {
        ByteBuffer b = ByteBuffer.allocate(count * (SIZE + 16));
        for (int i = 0; i < count; i++) {
            b.put(("user" + (40 + i) + ": ").getBytes(StandardCharsets.US_ASCII));
            ChatLines.encode(b, 40 + i, 1_000 + i, 12_345_678L + i, 12_345_900L + i, SIZE, new byte[] {'\n'});
        }
        return b.flip();
    }

    @Setup
    public void setup() {
        one = lines(1);
        sixteen = lines(16);
    }

    @Benchmark
    public int encode() {
        out.clear();
        long n = seq++;
        template.encode(out, 42, n, 12_345_678L + n, 12_345_900L + n);
        return out.position();
    }

    @Benchmark
    public long oneLine() {
        one.position(0);
        decoder.decode(one);
        return decoder.sentUs();
    }

    @Benchmark
    public long sixteenLines() {
        sixteen.position(0);
        long sum = 0;
        while (decoder.decode(sixteen) == ChatLineDecoder.MESSAGE) {
            sum += decoder.sentUs();
        }
        return sum;
    }
}
