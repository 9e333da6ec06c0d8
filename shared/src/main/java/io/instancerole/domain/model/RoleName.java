package io.instancerole.domain.model;

import java.util.regex.Pattern;

/** A RAM role name: 1-64 characters of letters, digits, '.' and '-'. */
public final class RoleName extends CaseInsensitiveName {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    static final String RULE_TEXT = "1-64 characters of letters, digits, '.' and '-'";

    private RoleName(String field, String value) {
        super(field, value, RULE, RULE_TEXT);
    }

    public static RoleName of(String value) {
        return new RoleName("roleName", value);
    }

    /** Validates {@code value} and names {@code field} in the error, e.g. {@code roleNames[2]}. */
    public static RoleName of(String field, String value) {
        return new RoleName(field, value);
    }
}
