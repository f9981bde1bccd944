package org.mangonel.protocol.websocket;

/**
 * The masking keys of one client connection (RFC 6455 §5.3): a xorshift64* generator, a new
 * 32-bit key per frame, allocation-free. One per connection, used by the thread that owns it.
 *
 * <p>The RFC asks for keys an intermediary cannot predict, so that a script cannot choose the bytes
 * a proxy sees on the wire (cache poisoning). Seed each connection from a real random source (for
 * example {@code SecureRandom} or {@code ThreadLocalRandom}, once per connection): the keys then
 * change per frame and per connection. A load generator sends its own bytes, not an attacker's,
 * so a statistically good fast generator is enough; a cryptographic one per frame would cost more
 * than the framing itself.
 */
public final class MaskKeys {
    private long state;

    /** @param seed any value (0 is replaced by a fixed non-zero constant, as xorshift needs) */
    public MaskKeys(long seed) {
        // Mix the seed so that consecutive seeds (connection numbers) give unrelated sequences.
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        this.state = z != 0 ? z : 0x2545F4914F6CDD1DL;
    }

    /** The next masking key. */
    public int next() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return (int) ((x * 0x2545F4914F6CDD1DL) >>> 32);
    }
}
