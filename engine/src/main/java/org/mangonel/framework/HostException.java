package org.mangonel.framework;

import java.io.IOException;

/**
 * A server host that cannot be used: unreachable, authentication refused, host key mismatch, the
 * connection lost. Its message is one line that says which host and why, fit for a framework's
 * reason.
 */
public final class HostException extends IOException {
    private static final long serialVersionUID = 1L;

    public HostException(String message) {
        super(message);
    }
}
