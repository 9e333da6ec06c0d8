package io.instancerole.domain.model;

import io.instancerole.domain.error.DomainException;

/** RAM's two policy types, spelled as the API spells them. */
public enum PolicyType {
    System,
    Custom;

    public static PolicyType of(String field, String value) {
        for (PolicyType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        throw DomainException.invalidParameter(field, "'System' or 'Custom'" + (value == null ? "" : ", got '" + value + "'"));
    }
}
