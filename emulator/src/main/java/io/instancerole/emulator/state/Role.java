package io.instancerole.emulator.state;

import java.time.Instant;

/** A RAM role. Mutable parts change only under the state lock. */
public final class Role {
    private final String name;
    private final String id;
    private final String arn;
    private final Instant createDate;
    private final Instant visibleToEcsAt;
    private String description;
    private String trustDocument;
    private long maxSessionDuration;
    private Instant updateDate;
    private final Tags tags = new Tags();

    public Role(String name, String id, String arn, String description, String trustDocument,
                long maxSessionDuration, Instant createDate, Instant visibleToEcsAt) {
        this.name = name;
        this.id = id;
        this.arn = arn;
        this.description = description;
        this.trustDocument = trustDocument;
        this.maxSessionDuration = maxSessionDuration;
        this.createDate = createDate;
        this.updateDate = createDate;
        this.visibleToEcsAt = visibleToEcsAt;
    }

    public String name() { return name; }
    public String id() { return id; }
    public String arn() { return arn; }
    public String description() { return description; }
    public String trustDocument() { return trustDocument; }
    public long maxSessionDuration() { return maxSessionDuration; }
    public Instant createDate() { return createDate; }
    public Instant updateDate() { return updateDate; }
    public Tags tags() { return tags; }

    /** ECS sees a new role only after the propagation delay that was configured when it was created. */
    public Instant visibleToEcsAt() { return visibleToEcsAt; }
    public boolean visibleToEcs(Instant now) { return !now.isBefore(visibleToEcsAt); }

    public void update(String newDescription, String newTrustDocument, long newMaxSessionDuration, Instant now) {
        this.description = newDescription;
        this.trustDocument = newTrustDocument;
        this.maxSessionDuration = newMaxSessionDuration;
        this.updateDate = now;
    }
}
