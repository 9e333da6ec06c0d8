package io.instancerole.domain.model;

import java.util.regex.Pattern;

/** An ECS instance id such as {@code i-bp1abcd2efgh}. Case-sensitive, as ECS ids are. */
public final class InstanceId extends CaseSensitiveId {
    private static final Pattern RULE = Pattern.compile("i-[a-z0-9]{4,30}");
    private static final String RULE_TEXT = "an instance id like 'i-bp1abcd2efgh' ('i-' and 4-30 lowercase letters or digits)";

    private InstanceId(String field, String value) {
        super(field, value, RULE, RULE_TEXT);
    }

    public static InstanceId of(String value) {
        return of("instanceId", value);
    }

    public static InstanceId of(String field, String value) {
        return new InstanceId(field, value);
    }
}
