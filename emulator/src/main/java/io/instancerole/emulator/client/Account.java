package io.instancerole.emulator.client;

/** The emulated account and its root AccessKey. */
public final class Account {
    private final String accountId;
    private final String rootAccessKeyId;
    private final String rootAccessKeySecret;

    public Account(String accountId, String rootAccessKeyId, String rootAccessKeySecret) {
        this.accountId = accountId;
        this.rootAccessKeyId = rootAccessKeyId;
        this.rootAccessKeySecret = rootAccessKeySecret;
    }

    public String accountId() { return accountId; }
    public String rootAccessKeyId() { return rootAccessKeyId; }
    public String rootAccessKeySecret() { return rootAccessKeySecret; }

    @Override
    public String toString() {
        return "Account{" + accountId + ", rootAccessKeyId=" + rootAccessKeyId + "}";
    }
}
