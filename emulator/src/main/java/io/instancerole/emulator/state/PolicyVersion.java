package io.instancerole.emulator.state;

import java.time.Instant;

/** One version of a policy document. */
public final class PolicyVersion {
    private final String id;
    private final String document;
    private final Instant createDate;

    public PolicyVersion(String id, String document, Instant createDate) {
        this.id = id;
        this.document = document;
        this.createDate = createDate;
    }

    public String id() { return id; }
    public String document() { return document; }
    public Instant createDate() { return createDate; }
}
