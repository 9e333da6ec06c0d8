package io.instancerole.domain.model;

import java.util.regex.Pattern;

/** A RAM user name: 1-64 characters of letters, digits, '.', '_' and '-'. */
public final class UserName extends CaseInsensitiveName {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String RULE_TEXT = "1-64 characters of letters, digits, '.', '_' and '-'";

    private UserName(String field, String value) {
        super(field, value, RULE, RULE_TEXT);
    }

    public static UserName of(String value) {
        return new UserName("userName", value);
    }

    public static UserName of(String field, String value) {
        return new UserName(field, value);
    }
}
