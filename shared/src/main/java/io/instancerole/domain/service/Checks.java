package io.instancerole.domain.service;

import io.instancerole.domain.error.DomainException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request rules shared by several routes, each with a message naming the field. */
public final class Checks {
    public static final int MAX_DESCRIPTION = 1024;

    private Checks() {}

    /** A description of at most 1024 characters; null stays null (meaning "not given"). */
    public static String description(String field, String value) {
        if (value != null && value.length() > MAX_DESCRIPTION) {
            throw DomainException.invalidParameter(field, "at most " + MAX_DESCRIPTION + " characters (got " + value.length() + ")");
        }
        return value;
    }

    /**
     * A list of {@code min}-{@code max} items with no item twice (by the items' own equality, so
     * RAM names compare case-insensitively); the duplicate is named with both positions.
     */
    public static <T> List<T> distinctList(String field, List<T> items, int min, int max) {
        if (items == null || items.size() < min || items.size() > max) {
            throw DomainException.invalidParameter(field, min + "-" + max + " items" + (items == null ? " are required" : " (got " + items.size() + ")"));
        }
        Map<T, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(items.get(i), i);
            if (first != null) {
                throw DomainException.invalidParameter(field + "[" + i + "]", "'" + items.get(i) + "' is listed twice (also at "
                        + field + "[" + first + "]); list each once");
            }
        }
        return List.copyOf(items);
    }
}
