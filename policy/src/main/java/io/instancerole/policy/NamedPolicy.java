package io.instancerole.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A policy document with the name used in explanations (a policy name, or "session policy"). */
public final class NamedPolicy {
    private final String name;
    private final JsonNode document;

    public NamedPolicy(String name, JsonNode document) {
        this.name = Objects.requireNonNull(name, "name");
        this.document = Objects.requireNonNull(document, "document");
    }

    public String name() { return name; }
    public JsonNode document() { return document; }
}
