package org.mangonel.scenario;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One request of a URL mix.
 *
 * @param path    request target, starting with {@code /}, may hold a query
 * @param method  HTTP method, upper case
 * @param headers extra request headers, in order
 * @param body    request body (UTF-8), empty for none
 * @param weight  share of the mix, at least 1
 * @param expect  expectation for this URL, or null to use the benchmark's
 */
public record UrlSpec(String path, String method, List<Header> headers, String body, int weight, Expect expect) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Whether {@code text} is an HTTP token (RFC 9110 §5.6.2): what a method or a header name must be. */
    public static boolean isToken(String text) {
        return TOKEN.matcher(text).matches();
    }

    public UrlSpec {
        Objects.requireNonNull(path, "path");
        method = method == null ? "GET" : method;
        headers = List.copyOf(headers == null ? List.of() : headers);
        body = body == null ? "" : body;
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
    }

    /** A request header. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
