package io.instancerole.emulator.policy;

/** RAM's wildcards inside strings: {@code *} matches any run of characters (also none), {@code ?} exactly one. */
final class Wildcard {
    private Wildcard() {}

    static boolean matches(String pattern, String value, boolean ignoreCase) {
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

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b
                || ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                        || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
