package io.instancerole.domain.model;

import java.util.regex.Pattern;

/** A RAM policy name: 1-128 characters of letters, digits and '-'. */
public final class PolicyName extends CaseInsensitiveName {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9-]{1,128}");
    static final String RULE_TEXT = "1-128 characters of letters, digits and '-'";

    private PolicyName(String field, String value) {
        super(field, value, RULE, RULE_TEXT);
    }

    public static PolicyName of(String value) {
        return new PolicyName("policyName", value);
    }

    public static PolicyName of(String field, String value) {
        return new PolicyName(field, value);
    }
}
