package io.instancerole.policy;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * RAM's wildcards inside strings: {@code *} matches any run of characters (also none), {@code ?}
 * exactly one. The one matcher of the project: the emulator decides requests with it and the linter
 * judges breadth with it.
 */
public final class Wildcard {
    /** Hole lengths tried by {@link #coversEvery}; a longer run of {@code ?} only makes the answer broader. */
    private static final int LONGEST_HOLE = 65;

    private Wildcard() {}

    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int lastStar = -1;
        int valueAtLastStar = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                lastStar = p++;
                valueAtLastStar = v;
            } else if (p < pattern.length()
                    && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (lastStar >= 0) {
                // let the last '*' swallow one more character and retry from there
                p = lastStar + 1;
                v = ++valueAtLastStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * True when the patterns together (case ignored) match every text {@code L0 x1 L1 x2 ... Ln} for all
     * non-empty fillings x of the holes between the given literals: {@code ("role/?", "role/??*")} cover
     * every {@code role/x}.
     *
     * <p>Why trying a few texts decides it: a character no pattern contains can only be matched by a
     * wildcard, so if the patterns match the holes filled with such a character, the same alignment
     * matches any filling of those lengths. And once a hole is longer than a pattern's number of
     * {@code ?}, a {@code *} takes part of it and takes any longer run as well. So hole lengths 1 to
     * (most {@code ?} in a pattern) + 1 decide it; past {@value #LONGEST_HOLE} the answer errs broad.
     */
    public static boolean coversEvery(Collection<String> patterns, String... literals) {
        if (patterns.isEmpty()) {
            return false;
        }
        char fresh = freshCharacter(patterns);
        int longest = 1;
        for (String pattern : patterns) {
            longest = Math.max(longest, Math.min(count(pattern, '?') + 1, LONGEST_HOLE));
        }
        int[] lengths = new int[literals.length - 1];
        Arrays.fill(lengths, 1);
        while (true) {
            String text = fill(literals, lengths, fresh);
            if (patterns.stream().noneMatch(pattern -> matches(pattern, text, true))) {
                return false;
            }
            int hole = 0;
            while (hole < lengths.length && lengths[hole] == longest) {
                lengths[hole++] = 1;
            }
            if (hole == lengths.length) {
                return true;
            }
            lengths[hole]++;
        }
    }

    /** True when some text matches both patterns (case ignored): {@code role/team-*} and {@code *-admin} do. */
    public static boolean intersects(String a, String b) {
        String p = a.toLowerCase(Locale.ROOT);
        String q = b.toLowerCase(Locale.ROOT);
        // reachable[i][j]: some text takes p to position i and q to position j
        boolean[][] reachable = new boolean[p.length() + 1][q.length() + 1];
        reachable[0][0] = true;
        for (int i = 0; i <= p.length(); i++) {
            for (int j = 0; j <= q.length(); j++) {
                if (!reachable[i][j]) {
                    continue;
                }
                boolean pStar = i < p.length() && p.charAt(i) == '*';
                boolean qStar = j < q.length() && q.charAt(j) == '*';
                if (pStar) {
                    reachable[i + 1][j] = true; // the star takes nothing more
                }
                if (qStar) {
                    reachable[i][j + 1] = true;
                }
                if (pStar && j < q.length() && !qStar) {
                    reachable[i][j + 1] = true; // the star takes the character q's token stands for
                }
                if (qStar && i < p.length() && !pStar) {
                    reachable[i + 1][j] = true;
                }
                if (i < p.length() && j < q.length() && !pStar && !qStar
                        && (p.charAt(i) == '?' || q.charAt(j) == '?' || p.charAt(i) == q.charAt(j))) {
                    reachable[i + 1][j + 1] = true;
                }
            }
        }
        return reachable[p.length()][q.length()];
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b
                || ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                        || Character.toUpperCase(a) == Character.toUpperCase(b));
    }

    private static String fill(String[] literals, int[] lengths, char fresh) {
        StringBuilder text = new StringBuilder(literals[0]);
        for (int i = 0; i < lengths.length; i++) {
            for (int n = 0; n < lengths[i]; n++) {
                text.append(fresh);
            }
            text.append(literals[i + 1]);
        }
        return text.toString();
    }

    private static char freshCharacter(Collection<String> patterns) {
        String all = String.join("", patterns).toLowerCase(Locale.ROOT);
        char c = 'a';
        while (all.indexOf(c) >= 0 || all.indexOf(Character.toUpperCase(c)) >= 0) {
            c = c == 'z' ? '\u4e00' : (char) (c + 1);
        }
        return c;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
