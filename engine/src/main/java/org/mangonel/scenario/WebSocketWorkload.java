package org.mangonel.scenario;

import java.util.List;
import java.util.Objects;

/**
 * WebSocket request/response: each connection sends a message from the mix and waits for the
 * server's answer (one message in flight per connection), in the closed model, or on a schedule
 * with {@code rate:} (open model), like HTTP.
 *
 * @param messages the mix, at least one
 * @param order    how a connection picks its next message
 * @param expect   what an answer must be
 */
public record WebSocketWorkload(List<Message> messages, Order order, Answer expect) implements Workload {
    public WebSocketWorkload {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a WebSocket workload needs at least one message");
        }
        Objects.requireNonNull(order, "order");
        expect = expect == null ? Answer.ECHO : expect;
    }

    /**
     * One message of the mix: a text, or a binary payload of a given size.
     *
     * @param text       the text sent (UTF-8), or null for a binary message
     * @param binarySize bytes of a binary message (a fixed pattern), when {@code text} is null
     * @param weight     share of the mix, at least 1
     */
    public record Message(String text, int binarySize, int weight) {
        public Message {
            if ((text != null && binarySize != 0) || binarySize < 0) {
                throw new IllegalArgumentException("a message is a text or a binary size");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1");
            }
        }

        public boolean binary() {
            return text == null;
        }
    }

    /**
     * What an answer must be: the same message back ({@code echo}), or a given text.
     *
     * @param echo true: the message itself, same type and bytes
     * @param text when not echoing: the exact text of every answer
     */
    public record Answer(boolean echo, String text) {
        /** The same message back. */
        public static final Answer ECHO = new Answer(true, null);
    }
}
