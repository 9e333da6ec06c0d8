package io.instancerole.domain.port;

/** A RAM user. */
public final class CloudUser {
    private final String userName;
    private final String userId;

    public CloudUser(String userName, String userId) {
        this.userName = userName;
        this.userId = userId;
    }

    public String userName() { return userName; }
    public String userId() { return userId; }
}
