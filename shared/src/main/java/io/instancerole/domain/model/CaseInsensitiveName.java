package io.instancerole.domain.model;

import io.instancerole.domain.error.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Base of the RAM names (roles, policies, users): validated once when built, and compared
 * case-insensitively because RAM treats {@code Team-A-Web} and {@code team-a-web} as one name.
 */
public abstract class CaseInsensitiveName {
    private final String value;
    private final String folded;

    CaseInsensitiveName(String field, String value, Pattern rule, String ruleText) {
        if (value == null || value.isEmpty()) {
            throw DomainException.invalidParameter(field, "is required; " + ruleText);
        }
        if (!rule.matcher(value).matches()) {
            throw DomainException.invalidParameter(field, ruleText + " (got '" + abbreviate(value) + "')");
        }
        this.value = value;
        this.folded = value.toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    public final String value() {
        return value;
    }

    /** The name lower-cased, as RAM compares it. */
    public final String folded() {
        return folded;
    }

    /** True when this name begins with {@code prefix}, ignoring case. */
    public final boolean startsWithIgnoreCase(String prefix) {
        return folded.startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && folded.equals(((CaseInsensitiveName) o).folded);
    }

    @Override
    public final int hashCode() {
        return folded.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
