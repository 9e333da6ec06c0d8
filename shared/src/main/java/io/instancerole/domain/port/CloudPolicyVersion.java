package io.instancerole.domain.port;

/** One version of a custom policy. */
public final class CloudPolicyVersion {
    private final String versionId;
    private final boolean isDefault;
    private final String document;

    public CloudPolicyVersion(String versionId, boolean isDefault, String document) {
        this.versionId = versionId;
        this.isDefault = isDefault;
        this.document = document;
    }

    public String versionId() { return versionId; }
    public boolean isDefault() { return isDefault; }
    public String document() { return document; }
}
