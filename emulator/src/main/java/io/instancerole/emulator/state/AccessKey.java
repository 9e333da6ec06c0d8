package io.instancerole.emulator.state;

/** A long-term AccessKey of the root account (userName null) or of a RAM user. */
public final class AccessKey {
    private final String id;
    private final String secret;
    private final String userName;

    public AccessKey(String id, String secret, String userName) {
        this.id = id;
        this.secret = secret;
        this.userName = userName;
    }

    public String id() { return id; }
    public String secret() { return secret; }
    /** Null for the root account's key. */
    public String userName() { return userName; }
}
