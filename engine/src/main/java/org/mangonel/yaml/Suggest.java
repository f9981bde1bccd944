package org.mangonel.yaml;

import java.util.List;

/** "Did you mean ...?" for misspelt keys and words: the valid candidate at the smallest edit distance. */
final class Suggest {
    private Suggest() {
    }

    /** "did you mean 'x'?" when a close candidate exists, else the list of valid ones. */
    static String closest(String given, List<String> candidates) {
        String best = best(given, candidates);
        if (best != null) {
            return "did you mean '" + best + "'?";
        }
        return "valid keys are: " + String.join(", ", candidates);
    }

    /** "; did you mean 'x'?" when a close candidate exists, else empty. */
    static String hint(String given, List<String> candidates) {
        String best = best(given, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static String best(String given, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
