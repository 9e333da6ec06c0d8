package io.instancerole.emulator.core;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** Random identifiers and secrets shaped like the real ones. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String DIGITS = "0123456789";

    private Ids() {}

    /** Like {@code 04F0F334-1335-436C-A1D7-6C044FE73368}. */
    public static String requestId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** A number of {@code length} digits without a leading zero, like account, user and role ids. */
    public static String digits(int length) {
        return pick("123456789", 1) + pick(DIGITS, length - 1);
    }

    public static String alnum(int length) {
        return pick(ALNUM, length);
    }

    public static String lowerAlnum(int length) {
        return pick(LOWER_ALNUM, length);
    }

    /** Real long-term AccessKey ids look like {@code LTAI5t...}, 24 characters. */
    public static String accessKeyId() {
        return "LTAI5t" + alnum(18);
    }

    /** 30 characters, as real AccessKey secrets. */
    public static String accessKeySecret() {
        return alnum(30);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
