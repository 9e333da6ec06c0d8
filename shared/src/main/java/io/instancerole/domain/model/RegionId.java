package io.instancerole.domain.model;

import java.util.regex.Pattern;

/** A region id such as {@code cn-hangzhou}. Whether it is allowed is a deployment rule, not this type's. */
public final class RegionId extends CaseSensitiveId {
    private static final Pattern RULE = Pattern.compile("[a-z]{2}(-[a-z0-9]+){1,3}");
    private static final String RULE_TEXT = "a region id like 'cn-hangzhou'";

    private RegionId(String value) {
        super("regionId", value, RULE, RULE_TEXT);
    }

    public static RegionId of(String value) {
        return new RegionId(value);
    }
}
