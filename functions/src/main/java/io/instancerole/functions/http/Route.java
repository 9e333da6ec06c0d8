package io.instancerole.functions.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One route of the contract: a method, a path template such as {@code /v1/roles/{roleName}}, and what serves it. */
public final class Route<T> {
    private final String method;
    private final String template;
    private final List<String> segments;
    private final T target;

    private Route(String method, String template, T target) {
        this.method = method;
        this.template = template;
        this.segments = split(template);
        this.target = Objects.requireNonNull(target, "target");
    }

    public static <T> Route<T> get(String template, T target) {
        return new Route<>("GET", template, target);
    }

    public static <T> Route<T> post(String template, T target) {
        return new Route<>("POST", template, target);
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    /** The route as the audit line names it, e.g. {@code POST /v1/roles}. */
    public String name() {
        return method + " " + template;
    }

    public T target() {
        return target;
    }

    /** The path parameters when {@code path} fits the template, decoded; empty when it does not fit. */
    Optional<Map<String, String>> match(String path) {
        List<String> parts = split(path);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String segment = segments.get(i);
            String part = parts.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), PercentDecoding.decode(part));
            } else if (!segment.equals(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableMap(parameters));
    }

    /** Path segments, ignoring one trailing slash. */
    private static List<String> split(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        List<String> parts = new ArrayList<>();
        for (String part : trimmed.split("/", -1)) {
            parts.add(part);
        }
        return parts;
    }
}
