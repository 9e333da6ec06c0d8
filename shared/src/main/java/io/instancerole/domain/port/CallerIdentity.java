package io.instancerole.domain.port;

/** STS GetCallerIdentity: who the cloud thinks we are. */
public final class CallerIdentity {
    private final String accountId;
    private final String arn;
    private final String identityType;

    public CallerIdentity(String accountId, String arn, String identityType) {
        this.accountId = accountId;
        this.arn = arn;
        this.identityType = identityType;
    }

    public String accountId() { return accountId; }
    public String arn() { return arn; }
    public String identityType() { return identityType; }
}
