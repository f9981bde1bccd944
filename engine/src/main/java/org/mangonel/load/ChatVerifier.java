package org.mangonel.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mangonel.protocol.chat.ChatLineDecoder;
import org.mangonel.protocol.chat.ChatLines;

/**
 * Before measuring a chat server: two clients join, one sends a message line, and the other must
 * receive it intact within the timeout. Blocking sockets; any thread; not the hot path.
 */
public final class ChatVerifier {
    private ChatVerifier() {
    }

    /** Empty when the server relays a line from one client to another, else why not. */
    public static Optional<String> verify(InetSocketAddress address, String join, int messageSize, byte[] terminator,
                                          int timeoutMs) {
        try (Socket a = new Socket(); Socket b = new Socket()) {
            a.connect(address, timeoutMs);
            b.connect(address, timeoutMs);
            a.setTcpNoDelay(true);
            b.setSoTimeout(timeoutMs);
            String end = new String(terminator, StandardCharsets.US_ASCII);
            if (join != null) {
                a.getOutputStream().write((join.replace("{client}", "0") + end).getBytes(StandardCharsets.UTF_8));
                b.getOutputStream().write((join.replace("{client}", "1") + end).getBytes(StandardCharsets.UTF_8));
            }
            ChatLineDecoder decoder = new ChatLineDecoder(messageSize, 1 << 20);
            InputStream in = b.getInputStream();
            OutputStream out = a.getOutputStream();
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            byte[] chunk = new byte[8192];
            // The server may register a client a little after accepting it: send until one arrives.
            long nextSendNs = 0;
            int sent = 0;
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() >= nextSendNs) {
                    ByteBuffer line = ByteBuffer.allocate(messageSize + terminator.length);
                    ChatLines.encode(line, 0, sent++, 0, 0, messageSize, terminator);
                    out.write(line.array(), 0, line.position());
                    out.flush();
                    nextSendNs = System.nanoTime() + 200_000_000L;
                }
                b.setSoTimeout(100);
                int n;
                try {
                    n = in.read(chunk);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) {
                    return Optional.of("the server closed the receiving client's connection");
                }
                ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n);
                while (buf.hasRemaining()) {
                    int r = decoder.decode(buf);
                    if (r == ChatLineDecoder.MESSAGE && decoder.sender() == 0) {
                        return Optional.empty();
                    }
                    if (r == ChatLineDecoder.CORRUPT) {
                        return Optional.of("a relayed line arrived damaged (not byte for byte what was sent)");
                    }
                }
            }
            return Optional.of("a line sent by one client did not reach another within " + timeoutMs + " ms"
                    + " (does the server relay every line to every other client?)");
        } catch (IOException e) {
            return Optional.of("chat check failed: " + e.getMessage());
        }
    }
}
