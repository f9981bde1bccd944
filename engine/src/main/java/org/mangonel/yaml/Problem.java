package org.mangonel.yaml;

/**
 * One mistake in a scenario file.
 *
 * @param file       the file as the user named it
 * @param line       1-based line, or 0 when the problem concerns the whole file
 * @param column     1-based column, or 0 with line 0
 * @param message    what is wrong and what was expected
 * @param sourceLine the offending line's text, or null
 */
public record Problem(String file, int line, int column, String message, String sourceLine) {

    /** {@code FILE:LINE:COL: message}, then the line and a caret under the column. */
    public String render() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ").append(message);
        if (sourceLine != null && line > 0) {
            String shown = sourceLine.replace('\t', ' ');
            out.append(System.lineSeparator()).append("    ").append(shown);
            out.append(System.lineSeparator()).append("    ").append(" ".repeat(Math.max(0, column - 1))).append('^');
        }
        return out.toString();
    }
}
