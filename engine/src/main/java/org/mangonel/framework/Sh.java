package org.mangonel.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell text: quoting, and the scripts (resources beside this class) run on server hosts. */
final class Sh {
    /** The functions every remote script starts with. */
    static final String LIB = resource("host-lib.sh");

    private Sh() {
    }

    /** {@code text} as one word for any POSIX shell (single quotes; a quote inside becomes '\''). */
    static String quote(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0)) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** A command line: each argument quoted, joined by spaces. */
    static String join(List<String> argv) {
        return argv.stream().map(Sh::quote).collect(Collectors.joining(" "));
    }

    /** A script kept beside this class, as text. */
    static String resource(String name) {
        try (InputStream in = Sh.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
