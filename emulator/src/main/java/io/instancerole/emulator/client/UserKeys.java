package io.instancerole.emulator.client;

/** A RAM user and one of its AccessKeys. */
public final class UserKeys {
    private final String userName;
    private final String accessKeyId;
    private final String accessKeySecret;

    public UserKeys(String userName, String accessKeyId, String accessKeySecret) {
        this.userName = userName;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
    }

    public String userName() { return userName; }
    public String accessKeyId() { return accessKeyId; }
    public String accessKeySecret() { return accessKeySecret; }

    @Override
    public String toString() {
        return "UserKeys{" + userName + ", accessKeyId=" + accessKeyId + "}";
    }
}
