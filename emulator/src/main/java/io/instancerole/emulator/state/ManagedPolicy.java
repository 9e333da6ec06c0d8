package io.instancerole.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A custom or system policy with its versions (ids {@code v1}, {@code v2}, … never reused). */
public final class ManagedPolicy {
    public static final String CUSTOM = "Custom";
    public static final String SYSTEM = "System";

    private final String name;
    private final String type;
    private final String description;
    private final Instant createDate;
    private final Map<String, PolicyVersion> versions = new LinkedHashMap<>();
    private String defaultVersionId;
    private int lastVersionNumber;
    private Instant updateDate;
    private final Tags tags = new Tags();

    public ManagedPolicy(String name, String type, String description, String document, Instant createDate) {
        this(name, type, description, createDate);
        this.defaultVersionId = addVersion(document, createDate).id();
    }

    private ManagedPolicy(String name, String type, String description, Instant createDate) {
        this.name = name;
        this.type = type;
        this.description = description;
        this.createDate = createDate;
        this.updateDate = createDate;
    }

    /** A policy as saved: its versions, default and numbering kept. */
    static ManagedPolicy restore(String name, String type, String description, Instant createDate, Instant updateDate,
                                 String defaultVersionId, int lastVersionNumber, List<PolicyVersion> versions) {
        ManagedPolicy policy = new ManagedPolicy(name, type, description, createDate);
        versions.forEach(v -> policy.versions.put(v.id(), v));
        policy.defaultVersionId = defaultVersionId;
        policy.lastVersionNumber = lastVersionNumber;
        policy.updateDate = updateDate;
        return policy;
    }

    int lastVersionNumber() { return lastVersionNumber; }

    public String name() { return name; }
    public String type() { return type; }
    public String description() { return description; }
    public Instant createDate() { return createDate; }
    public Instant updateDate() { return updateDate; }
    /** Tags of a custom policy; a system policy has none. */
    public Tags tags() { return tags; }
    public String defaultVersionId() { return defaultVersionId; }
    public PolicyVersion defaultVersion() { return versions.get(defaultVersionId); }
    public List<PolicyVersion> versions() { return new ArrayList<>(versions.values()); }
    public Optional<PolicyVersion> version(String versionId) { return Optional.ofNullable(versions.get(versionId)); }

    public PolicyVersion addVersion(String document, Instant now) {
        lastVersionNumber++;
        PolicyVersion version = new PolicyVersion("v" + lastVersionNumber, document, now);
        versions.put(version.id(), version);
        updateDate = now;
        return version;
    }

    public void setDefaultVersion(String versionId, Instant now) {
        defaultVersionId = versionId;
        updateDate = now;
    }

    public void removeVersion(String versionId, Instant now) {
        versions.remove(versionId);
        updateDate = now;
    }

    /** The oldest version that is not the default, if any: what RotateStrategy deletes. */
    public Optional<PolicyVersion> oldestNonDefaultVersion() {
        return versions.values().stream().filter(v -> !v.id().equals(defaultVersionId)).findFirst();
    }
}
