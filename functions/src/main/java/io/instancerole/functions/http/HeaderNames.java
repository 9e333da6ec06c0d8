package io.instancerole.functions.http;

/** How the platforms spell the header names they forward. */
public final class HeaderNames {
    private HeaderNames() {}

    /** {@code x-caller-team} → {@code X-Caller-Team}: each letter after the start or a '-' upper case, the rest lower case. */
    public static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
