package io.instancerole.domain.service;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a request did to one thing, spelled as the contract spells it. */
public enum Status {
    CREATED("created"),
    UPDATED("updated"),
    UNCHANGED("unchanged"),
    DELETED("deleted"),
    ATTACHED("attached"),
    ALREADY_ATTACHED("alreadyAttached"),
    BOUND("bound"),
    UNBOUND("unbound"),
    REPLACED("replaced"),
    FAILED("failed"),
    /** Not attempted (the request's deadline came first): repeating the request does it. */
    SKIPPED("skipped");

    private final String wire;

    Status(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
