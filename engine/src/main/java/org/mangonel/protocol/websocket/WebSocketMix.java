package org.mangonel.protocol.websocket;

import java.nio.charset.StandardCharsets;
import org.mangonel.load.Picker;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.WebSocketWorkload;

/**
 * A message mix made ready for the hot path: every payload built once (a text's UTF-8 bytes, or a
 * binary message's fixed pattern), the expected answer of each, and the weights as a cumulative
 * table. Immutable; shared by all loops.
 */
final class WebSocketMix {
    private final byte[][] payloads;
    private final int[] opcodes;
    private final byte[][] answers;
    private final int[] answerOpcodes;
    private final long[] cumulativeWeight;
    private final int[] weight;
    private final Order order;
    private final int longest;

    WebSocketMix(WebSocketWorkload workload) {
        int n = workload.messages().size();
        payloads = new byte[n][];
        opcodes = new int[n];
        answers = new byte[n][];
        answerOpcodes = new int[n];
        weight = new int[n];
        order = workload.order();
        byte[] fixedAnswer = workload.expect().echo() ? null
                : workload.expect().text().getBytes(StandardCharsets.UTF_8);
        int max = 0;
        for (int i = 0; i < n; i++) {
            WebSocketWorkload.Message m = workload.messages().get(i);
            payloads[i] = m.binary() ? pattern(m.binarySize()) : m.text().getBytes(StandardCharsets.UTF_8);
            opcodes[i] = m.binary() ? WebSocketFrames.OP_BINARY : WebSocketFrames.OP_TEXT;
            answers[i] = fixedAnswer != null ? fixedAnswer : payloads[i];
            answerOpcodes[i] = fixedAnswer != null ? WebSocketFrames.OP_TEXT : opcodes[i];
            weight[i] = m.weight();
            max = Math.max(max, payloads[i].length);
        }
        longest = max;
        cumulativeWeight = Picker.cumulative(weight);
    }

    /** Bytes 0, 1, ... 250, 0, 1, ... (never a run the server could compress away). */
    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    int size() {
        return payloads.length;
    }

    byte[] payload(int i) {
        return payloads[i];
    }

    int opcode(int i) {
        return opcodes[i];
    }

    /** What the answer to message {@code i} must be, byte for byte. */
    byte[] answer(int i) {
        return answers[i];
    }

    int answerOpcode(int i) {
        return answerOpcodes[i];
    }

    int longest() {
        return longest;
    }

    String label(int i) {
        return opcodes[i] == WebSocketFrames.OP_BINARY ? "binary " + payloads[i].length + " bytes"
                : "text '" + (payloads[i].length > 40 ? new String(payloads[i], 0, 40, StandardCharsets.UTF_8) + "…"
                : new String(payloads[i], StandardCharsets.UTF_8)) + "'";
    }

    /** A picker with its own state, for one connection. */
    Picker picker(long seed) {
        return new Picker(order, weight, cumulativeWeight, seed);
    }
}
