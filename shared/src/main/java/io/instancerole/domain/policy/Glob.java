package io.instancerole.domain.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * RAM's wildcards in Action and Resource: {@code *} matches any run of characters (none included),
 * {@code ?} exactly one; case is ignored.
 */
final class Glob {
    private Glob() {}

    static boolean matches(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') pi++;
        return pi == p.length();
    }

    /**
     * True when {@code pattern} matches every text {@code L0 x1 L1 x2 ... Ln} for all non-empty fillings
     * x of the holes between the given literals. A character the pattern does not contain can only
     * be matched by a wildcard, so a hole filled with it stands for every filling of that length;
     * and a hole longer than the pattern's number of {@code ?} must reach a {@code *}, which then
     * takes any length. So hole lengths 1..q+1 decide it (capped: no real pattern counts 64 characters).
     */
    static boolean coversEvery(String pattern, String... literals) {
        char fresh = freshCharacter(pattern);
        int longest = Math.min(count(pattern, '?') + 1, 65);
        int[] lengths = new int[literals.length - 1];
        Arrays.fill(lengths, 1);
        while (true) {
            if (!matches(pattern, fill(literals, lengths, fresh))) return false;
            int hole = 0;
            while (hole < lengths.length && lengths[hole] == longest) lengths[hole++] = 1;
            if (hole == lengths.length) return true;
            lengths[hole]++;
        }
    }

    private static String fill(String[] literals, int[] lengths, char fresh) {
        StringBuilder text = new StringBuilder(literals[0]);
        for (int i = 0; i < lengths.length; i++) {
            for (int n = 0; n < lengths[i]; n++) text.append(fresh);
            text.append(literals[i + 1]);
        }
        return text.toString();
    }

    private static char freshCharacter(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        char c = 'a';
        while (lower.indexOf(c) >= 0) c = c == 'z' ? '\u4e00' : (char) (c + 1);
        return c;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
