package io.instancerole.domain.model;

import io.instancerole.domain.error.DomainException;
import java.util.regex.Pattern;

/** A region id such as {@code cn-hangzhou}. Whether it is allowed is a deployment rule, not this type's. */
public final class RegionId {
    private static final Pattern RULE = Pattern.compile("[a-z]{2}(-[a-z0-9]+){1,3}");
    private final String value;

    private RegionId(String value) {
        this.value = value;
    }

    public static RegionId of(String value) {
        if (value == null || !RULE.matcher(value).matches()) {
            throw DomainException.invalidParameter("regionId", "a region id like 'cn-hangzhou'"
                    + (value == null ? "" : ", got '" + CaseInsensitiveName.abbreviate(value) + "'"));
        }
        return new RegionId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionId && value.equals(((RegionId) o).value);
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
