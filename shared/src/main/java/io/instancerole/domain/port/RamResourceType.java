package io.instancerole.domain.port;

/** The RAM resources that carry tags, by RAM's {@code ResourceType} value. */
public enum RamResourceType {
    ROLE("role"),
    POLICY("policy");

    private final String value;

    RamResourceType(String value) {
        this.value = value;
    }

    /** As RAM's TagResources and ListTagResources write it. */
    public String value() {
        return value;
    }
}
