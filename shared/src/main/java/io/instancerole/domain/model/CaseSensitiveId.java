package io.instancerole.domain.model;

import io.instancerole.domain.error.DomainException;
import java.util.regex.Pattern;

/**
 * Base of the cloud's ids (instances, regions): validated once when built against a pattern, and
 * compared exactly, as ECS compares them.
 */
abstract class CaseSensitiveId {
    private final String value;

    CaseSensitiveId(String field, String value, Pattern rule, String ruleText) {
        if (value == null || !rule.matcher(value).matches()) {
            throw DomainException.invalidParameter(field, ruleText
                    + (value == null ? "" : ", got '" + CaseInsensitiveName.abbreviate(value) + "'"));
        }
        this.value = value;
    }

    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && value.equals(((CaseSensitiveId) o).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
