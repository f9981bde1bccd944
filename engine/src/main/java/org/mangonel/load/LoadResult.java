package org.mangonel.load;

import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.RunStats;

/**
 * What one measured window produced.
 *
 * @param stats            merged measurements
 * @param clientCpuNs      CPU time the whole client process used during the window (and drain)
 * @param clientCpuPct     that as a share of one core
 * @param loopBusyMaxPct   the busiest event loop's CPU use during the window, percent of one core
 * @param loopAllocatedBytes bytes the event loop threads allocated during the window
 * @param interrupted      the window was cut short by a stop request
 * @param clientFailure    an event loop failed (a bug in the client, never a server's fault), or null
 * @param security         what the secure connections negotiated ("TLSv1.3 TLS_AES_128_GCM_SHA256"), or null
 * @param lateNs           how late traffic began after the scheduled start (0 when on time or unscheduled)
 * @param startNs          when the window (its warm-up) began, {@link System#nanoTime()} scale
 * @param connectFailure   why a connect attempt failed, the last one a loop saw ("Connection refused",
 *                         "the TLS handshake had no answer within the 5 s connect timeout"), or null
 */
public record LoadResult(RunStats stats, long clientCpuNs, double clientCpuPct, double loopBusyMaxPct,
                         long loopAllocatedBytes, boolean interrupted, String clientFailure, String security,
                         long lateNs, long startNs, String connectFailure) {

    /** When the window (its warm-up) began, on the wall clock. */
    public java.time.Instant startedAt() {
        return java.time.Instant.now().minusNanos(System.nanoTime() - startNs);
    }

    /**
     * The connect failure's reason when it is why the window measured nothing: the window counted
     * connect errors, or counted nothing at all (attempts outlasting it); else null (a refusal in
     * the warm-up says nothing about a window of 500s).
     */
    public String connectFailureToSay() {
        boolean relevant = stats.errors(ErrorKind.CONNECT) > 0
                || stats.requests() + stats.errorTotal() == 0;
        return relevant ? connectFailure : null;
    }

    /** Bytes the event loops allocated per completed request (or delivery) in the window. */
    public double allocatedBytesPerRequest() {
        long n = stats.requests() + stats.errorTotal();
        return n == 0 ? 0 : (double) loopAllocatedBytes / n;
    }
}
