package io.instancerole.emulator.state;

import java.time.Instant;

/** A RAM user. */
public final class User {
    private final String name;
    private final String id;
    private final String displayName;
    private final String email;
    private final String mobilePhone;
    private final String comments;
    private final Instant createDate;

    public User(String name, String id, String displayName, String email, String mobilePhone, String comments,
                Instant createDate) {
        this.name = name;
        this.id = id;
        this.displayName = displayName;
        this.email = email;
        this.mobilePhone = mobilePhone;
        this.comments = comments;
        this.createDate = createDate;
    }

    public String name() { return name; }
    public String id() { return id; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public String mobilePhone() { return mobilePhone; }
    public String comments() { return comments; }
    public Instant createDate() { return createDate; }
}
