package io.instancerole.domain.model;

import io.instancerole.domain.error.DomainException;
import java.util.regex.Pattern;

/** An ECS instance id such as {@code i-bp1abcd2efgh}. Case-sensitive, as ECS ids are. */
public final class InstanceId {
    private static final Pattern RULE = Pattern.compile("i-[a-z0-9]{4,30}");
    private final String value;

    private InstanceId(String value) {
        this.value = value;
    }

    public static InstanceId of(String value) {
        return of("instanceId", value);
    }

    public static InstanceId of(String field, String value) {
        if (value == null || !RULE.matcher(value).matches()) {
            throw DomainException.invalidParameter(field, "an instance id like 'i-bp1abcd2efgh' ('i-' and 4-30 lowercase letters or digits)"
                    + (value == null ? "" : ", got '" + CaseInsensitiveName.abbreviate(value) + "'"));
        }
        return new InstanceId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceId && value.equals(((InstanceId) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
