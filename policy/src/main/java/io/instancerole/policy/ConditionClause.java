package io.instancerole.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One {@code "Operator": {"key": [values]}} entry of a statement's Condition. */
public final class ConditionClause {
    private final String operator;
    private final String key;
    private final List<String> values;

    ConditionClause(String operator, String key, List<String> values) {
        this.operator = operator;
        this.key = key;
        this.values = List.copyOf(values);
    }

    /** E.g. {@code StringEquals}. */
    public String operator() { return operator; }

    /** E.g. {@code acs:ResourceTag/team}, as written (keys are compared ignoring case). */
    public String key() { return key; }

    public List<String> values() { return values; }

    /**
     * @param lowerCaseContext the request's condition keys, lower-cased: key names are case-insensitive
     */
    Match evaluate(Map<String, List<String>> lowerCaseContext) {
        Optional<ConditionOperator> known = ConditionOperator.named(operator);
        if (known.isEmpty()) {
            return Match.unknown("condition operator " + PolicyJson.quote(operator) + " is not supported");
        }
        List<String> requestValues = lowerCaseContext.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
        try {
            return Match.of(known.get().holds(requestValues, values));
        } catch (IllegalArgumentException e) {
            return Match.unknown("condition " + operator + " on key " + PolicyJson.quote(key) + ": " + e.getMessage());
        }
    }
}
