package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The per-frame path allocates nothing: encoding (in place and from an array, masked and not),
 * decoding (masked and not, fragmented, text checked as UTF-8, control frames between fragments)
 * and answering pings. Measured with the JVM's per-thread allocation counter, after a warm-up.
 */
class WebSocketAllocationTest {
    private static final byte[] LINE = "#mg 000001 000000042 000000000100 000000000200 xxxxxxxxxxxxxxxx\n".getBytes();
    private static final byte[] PING = "12345678".getBytes();

    private final WebSocketFrames clientFrames = WebSocketFrames.client(17);
    private final WebSocketFrames serverFrames = WebSocketFrames.server();
    private final MessageBuffer serverGot = new MessageBuffer(4096);
    private final MessageBuffer clientGot = new MessageBuffer(4096);
    private final WebSocketFrameDecoder server = WebSocketFrameDecoder.forServer(4096, serverGot);
    private final WebSocketFrameDecoder client = WebSocketFrameDecoder.forClient(4096, clientGot);
    private final ByteBuffer wire = ByteBuffer.allocate(64 * 1024);
    private final ByteBuffer answer = ByteBuffer.allocate(64 * 1024);
    private final byte[] binary = new byte[1000];
    private long messages;

    /** One exchange: the client sends, the server reads and echoes, the client reads the echo. */
    private void exchange(int i) {
        wire.clear();
        clientFrames.begin(wire, true, WebSocketFrames.OP_TEXT, LINE.length);
        for (byte b : LINE) {
            wire.put(b);
        }
        clientFrames.end(wire);
        clientFrames.frame(wire, false, WebSocketFrames.OP_BINARY, binary, 0, 300 + (i & 7));
        clientFrames.frame(wire, true, WebSocketFrames.OP_PING, PING, 0, PING.length);
        clientFrames.frame(wire, true, WebSocketFrames.OP_CONTINUATION, binary, 300, 1000);
        wire.flip();
        answer.clear();
        while (wire.hasRemaining()) {
            int r = server.decode(wire);
            if (r == WebSocketFrameDecoder.MESSAGE) {
                serverFrames.frame(answer, true, serverGot.opcode(), serverGot.array(), 0, serverGot.length());
            } else if (r == WebSocketFrameDecoder.PING) {
                serverFrames.frame(answer, true, WebSocketFrames.OP_PONG, server.controlPayload(), 0, server.controlLength());
            } else {
                assertEquals(WebSocketFrameDecoder.NEED_MORE, r);
            }
        }
        answer.flip();
        while (answer.hasRemaining()) {
            int r = client.decode(answer);
            if (r == WebSocketFrameDecoder.MESSAGE) {
                messages++;
            } else if (r != WebSocketFrameDecoder.PONG) {
                assertEquals(WebSocketFrameDecoder.NEED_MORE, r);
            }
        }
    }

    @Test
    void noAllocationPerFrame() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocations per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < 50_000; i++) {
            exchange(i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50_000; i++) {
            exchange(i);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(200_000, messages);
        // 100 000 exchanges of 8 frames each: anything per frame would show as megabytes.
        assertTrue(allocated < 4096, allocated + " bytes allocated");
    }
}
