package org.mangonel.scenario;

import java.util.List;

/**
 * What a successful response looks like.
 *
 * <p>With no status list, any status below 400 succeeds (3xx are counted apart in the status
 * codes, not followed). A response that misses the status is a {@code status} error; one whose
 * body misses is a {@code body} error.
 *
 * @param statuses     accepted status codes; empty means any status below 400
 * @param bodyEquals   the exact body, or null
 * @param bodyContains a text the body must contain, or null
 * @param bodyLength   the body's exact length in bytes, or null
 */
public record Expect(List<Integer> statuses, String bodyEquals, String bodyContains, Long bodyLength) {

    /** The default expectation: any status below 400, any body. */
    public static final Expect ANY_SUCCESS = new Expect(List.of(), null, null, null);

    public Expect {
        statuses = List.copyOf(statuses == null ? List.of() : statuses);
    }

    /** Whether a response with this status meets the expectation. */
    public boolean acceptsStatus(int status) {
        return statuses.isEmpty() ? status >= 100 && status < 400 : statuses.contains(status);
    }

    /** Whether the body is checked at all. */
    public boolean checksBody() {
        return bodyEquals != null || bodyContains != null || bodyLength != null;
    }
}
