package org.mangonel.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One client connection as a session sees it: bytes in, bytes out, whatever carries them (plain
 * TCP, or TLS over TCP). Reusable: after {@link #close()} it can {@link #connect} again. Owned by
 * its loop's thread; callbacks come only from that loop's passes, and methods the handler calls
 * report outcomes by return value, never by callback.
 *
 * <pre>
 *   CLOSED ──connect()──▶ CONNECTING ──(TCP, then any handshake) ok──▶ OPEN ──close()/failure──▶ CLOSED
 *                             └──refused / timed out / handshake failed──▶ onFailure(...) ──▶ CLOSED
 *   OPEN: onData(plain bytes) | onEndOfInput() | onFailure(RESET/CLOSED)
 * </pre>
 */
public interface Connection {
    /** Receives a connection's events; one per connection, on the loop thread. */
    interface Handler {
        /** The connection is open (for TLS: the handshake is done) and may be written to. */
        void onConnected(long nowNs);

        /**
         * Bytes arrived, between {@code in}'s position and limit. The buffer is the loop's and is
         * reused after the call: consume or copy what is needed.
         */
        void onData(ByteBuffer in, long nowNs);

        /** The peer closed its side. The connection is still open for the handler to close. */
        void onEndOfInput(long nowNs);

        /** A transport failure; the connection is closed already. */
        void onFailure(Failure failure, long nowNs);
    }

    /**
     * Starts connecting. Returns true if the attempt is under way ({@code onConnected} or
     * {@code onFailure} follows on a later pass); false if it failed at once ({@link #lastFailure()}).
     */
    boolean connect(InetSocketAddress address);

    /**
     * Writes {@code src} (position to limit). What cannot be sent now is kept and sent when the
     * socket drains. Returns false on a failure ({@link #lastFailure()}); the caller should then
     * {@link #close()} and handle it.
     */
    boolean write(ByteBuffer src);

    /** Closes the connection; no callback follows. Safe in any state. */
    void close();

    /** Closes once every pending byte is written (at once when nothing is pending). */
    void closeWhenFlushed();

    boolean isOpen();

    /** Whether some written bytes still wait for the socket. */
    boolean hasPendingWrite();

    /** How many written bytes still wait for the socket. */
    int pendingBytes();

    /** What the last failed call or callback failed with. */
    Failure lastFailure();

    /** A one-line human reason for the last failure (e.g. the certificate problem), or null. */
    String failureDetail();

    /**
     * While connecting: the handshake the connection is in after its TCP connect ("the TLS
     * handshake"), or null (still connecting over TCP, or no handshake). Names what a connect
     * timeout waited for.
     */
    default String handshakeUnderWay() {
        return null;
    }

    /** The negotiated security, e.g. "TLSv1.3 TLS_AES_128_GCM_SHA256", or null for plain TCP. */
    default String security() {
        return null;
    }
}
