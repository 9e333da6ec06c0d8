package io.instancerole.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The condition operators this emulator evaluates. Any other operator name is not evaluable (and
 * so denies): it is never skipped.
 */
final class ConditionOperator {
    private enum Type { STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, IP }

    /** How the request's value must relate to the policy's value. */
    private enum Relation { EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL }

    private static final Map<String, ConditionOperator> BY_NAME = Map.ofEntries(
            entry("StringEquals", Type.STRING, Relation.EQUAL, false),
            entry("StringNotEquals", Type.STRING, Relation.EQUAL, true),
            entry("StringEqualsIgnoreCase", Type.STRING_IGNORE_CASE, Relation.EQUAL, false),
            entry("StringNotEqualsIgnoreCase", Type.STRING_IGNORE_CASE, Relation.EQUAL, true),
            entry("StringLike", Type.STRING_LIKE, Relation.EQUAL, false),
            entry("StringNotLike", Type.STRING_LIKE, Relation.EQUAL, true),
            entry("NumericEquals", Type.NUMERIC, Relation.EQUAL, false),
            entry("NumericNotEquals", Type.NUMERIC, Relation.EQUAL, true),
            entry("NumericLessThan", Type.NUMERIC, Relation.LESS, false),
            entry("NumericLessThanEquals", Type.NUMERIC, Relation.LESS_OR_EQUAL, false),
            entry("NumericGreaterThan", Type.NUMERIC, Relation.GREATER, false),
            entry("NumericGreaterThanEquals", Type.NUMERIC, Relation.GREATER_OR_EQUAL, false),
            entry("DateEquals", Type.DATE, Relation.EQUAL, false),
            entry("DateNotEquals", Type.DATE, Relation.EQUAL, true),
            entry("DateLessThan", Type.DATE, Relation.LESS, false),
            entry("DateLessThanEquals", Type.DATE, Relation.LESS_OR_EQUAL, false),
            entry("DateGreaterThan", Type.DATE, Relation.GREATER, false),
            entry("DateGreaterThanEquals", Type.DATE, Relation.GREATER_OR_EQUAL, false),
            entry("Bool", Type.BOOL, Relation.EQUAL, false),
            entry("IpAddress", Type.IP, Relation.EQUAL, false),
            entry("NotIpAddress", Type.IP, Relation.EQUAL, true));

    private final Type type;
    private final Relation relation;
    private final boolean negated;

    private ConditionOperator(Type type, Relation relation, boolean negated) {
        this.type = type;
        this.relation = relation;
        this.negated = negated;
    }

    private static final String OPERATOR_LIST = "StringEquals, StringNotEquals, StringEqualsIgnoreCase,"
            + " StringNotEqualsIgnoreCase, StringLike, StringNotLike, Numeric..., Date..., Bool, IpAddress or NotIpAddress";

    /** Operator names are matched exactly, as written in RAM's documentation. */
    static Optional<ConditionOperator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Why {@code operator} is not one of RAM's operators, and what to write instead. */
    static String unknown(String operator) {
        String base = operator.replaceFirst("^(ForAnyValue|ForAllValues):", "").replaceFirst("IfExists$", "");
        for (String known : BY_NAME.keySet()) {
            if (!known.equals(base) && known.equalsIgnoreCase(base)) {
                return PolicyJson.quote(operator) + " is not a condition operator (operators are case-sensitive): write \""
                        + known + "\".";
            }
        }
        if (!base.equals(operator) && BY_NAME.containsKey(base)) {
            return "RAM has no ForAnyValue:/ForAllValues: or ...IfExists forms of operators: write \"" + base
                    + "\" and check that the condition still means what you want.";
        }
        return PolicyJson.quote(operator) + " is not one of RAM's condition operators: use " + OPERATOR_LIST + ".";
    }

    /**
     * Positive operators hold when some request value matches some policy value (a key the request
     * does not carry matches nothing); negated operators hold when none does.
     *
     * @throws IllegalArgumentException when a value cannot be read as this operator's type
     */
    boolean holds(List<String> requestValues, List<String> policyValues) {
        for (String policyValue : policyValues) {
            parse(policyValue, "policy value");
        }
        boolean matched = false;
        for (String requestValue : requestValues) {
            for (String policyValue : policyValues) {
                matched |= matches(requestValue, policyValue);
            }
        }
        return matched != negated;
    }

    private boolean matches(String requestValue, String policyValue) {
        switch (type) {
            case STRING:
                return requestValue.equals(policyValue);
            case STRING_IGNORE_CASE:
                return requestValue.equalsIgnoreCase(policyValue);
            case STRING_LIKE:
                return Wildcard.matches(policyValue, requestValue, false);
            case IP:
                return ((IpRange) parse(policyValue, "policy value")).contains(requestAddress(requestValue));
            case BOOL:
                return parse(requestValue, "request value").equals(parse(policyValue, "policy value"));
            default:
                return compare(requestValue, policyValue);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean compare(String requestValue, String policyValue) {
        Comparable request = (Comparable) parse(requestValue, "request value");
        int order = request.compareTo(parse(policyValue, "policy value"));
        switch (relation) {
            case EQUAL: return order == 0;
            case LESS: return order < 0;
            case LESS_OR_EQUAL: return order <= 0;
            case GREATER: return order > 0;
            default: return order >= 0;
        }
    }

    /** The value read as this operator's type, so that a policy's bad value fails even when the request has none. */
    private Object parse(String value, String side) {
        switch (type) {
            case NUMERIC:
                return read(value, side, "a number", BigDecimal::new);
            case DATE:
                return read(value, side, "a date (ISO 8601 such as 2019-08-12T17:00:00+08:00, or epoch seconds)",
                        ConditionOperator::date);
            case BOOL:
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(value);
                }
                throw new IllegalArgumentException(side + " " + PolicyJson.quote(value) + " is not true or false");
            case IP:
                try {
                    return IpRange.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(side + " " + e.getMessage(), e);
                }
            default:
                return value;
        }
    }

    private static byte[] requestAddress(String value) {
        try {
            return IpRange.address(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request value " + e.getMessage(), e);
        }
    }

    private static Object read(String value, String side, String what, Function<String, Object> reader) {
        try {
            return reader.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(side + " " + PolicyJson.quote(value) + " is not " + what, e);
        }
    }

    private static Instant date(String text) {
        if (text.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            // a bare date means midnight UTC
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private static Map.Entry<String, ConditionOperator> entry(String name, Type type, Relation relation,
            boolean negated) {
        return Map.entry(name, new ConditionOperator(type, relation, negated));
    }
}
