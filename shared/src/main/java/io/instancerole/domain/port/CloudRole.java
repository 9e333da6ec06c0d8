package io.instancerole.domain.port;

/** A RAM role as RAM reports it. */
public final class CloudRole {
    private final String roleName;
    private final String roleId;
    private final String arn;
    private final String description;
    private final int maxSessionDuration;
    private final String assumeRolePolicyDocument;
    private final String createDate;

    public CloudRole(String roleName, String roleId, String arn, String description, int maxSessionDuration,
            String assumeRolePolicyDocument, String createDate) {
        this.roleName = roleName;
        this.roleId = roleId;
        this.arn = arn;
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
        this.assumeRolePolicyDocument = assumeRolePolicyDocument;
        this.createDate = createDate;
    }

    public String roleName() { return roleName; }
    public String roleId() { return roleId; }
    public String arn() { return arn; }
    public String description() { return description; }
    public int maxSessionDuration() { return maxSessionDuration; }
    public String assumeRolePolicyDocument() { return assumeRolePolicyDocument; }
    public String createDate() { return createDate; }
}
