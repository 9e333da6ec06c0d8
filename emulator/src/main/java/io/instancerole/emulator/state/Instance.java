package io.instancerole.emulator.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An ECS instance, created through the control API; its RAM role binding changes through ECS calls. */
public final class Instance {
    public static final String VPC = "vpc";
    public static final String CLASSIC = "classic";
    public static final String HTTP_TOKENS_OPTIONAL = "optional";
    public static final String HTTP_TOKENS_REQUIRED = "required";
    public static final String HTTP_ENDPOINT_ENABLED = "enabled";
    public static final String HTTP_ENDPOINT_DISABLED = "disabled";

    private final String id;
    private final String regionId;
    private final String networkType;
    private final String status;
    private final String name;
    private final Map<String, String> tags;
    private final String privateIp;
    private final Instant creationTime;
    private String ramRoleName;
    private String ramRolePolicy;
    private Session metadataSession;
    private String httpTokens = HTTP_TOKENS_OPTIONAL;
    private String httpEndpoint = HTTP_ENDPOINT_ENABLED;

    public Instance(String id, String regionId, String networkType, String status, String name,
                    Map<String, String> tags, String privateIp, Instant creationTime) {
        this.id = id;
        this.regionId = regionId;
        this.networkType = networkType;
        this.status = status;
        this.name = name;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.privateIp = privateIp;
        this.creationTime = creationTime;
    }

    public String id() { return id; }
    public String regionId() { return regionId; }
    public String zoneId() { return regionId + "-a"; }
    public String networkType() { return networkType; }
    public String status() { return status; }
    public String name() { return name; }
    public Map<String, String> tags() { return tags; }
    public String privateIp() { return privateIp; }
    public Instant creationTime() { return creationTime; }
    /** Null when no role is bound. */
    public String ramRoleName() { return ramRoleName; }
    /** The extra policy given to AttachInstanceRamRole, narrowing the metadata credentials; may be null. */
    public String ramRolePolicy() { return ramRolePolicy; }

    public void bindRole(String roleName, String policy) {
        this.ramRoleName = roleName;
        this.ramRolePolicy = policy;
        this.metadataSession = null;
    }

    public void unbindRole() {
        bindRole(null, null);
    }

    /** The session the metadata service last handed out for the bound role, or null. */
    public Session metadataSession() { return metadataSession; }

    public void setMetadataSession(Session session) { this.metadataSession = session; }

    /** {@code optional} (default) or {@code required}: whether metadata reads need a token (hardened mode). */
    public String httpTokens() { return httpTokens; }
    /** {@code enabled} (default) or {@code disabled}: whether the metadata service answers at all. */
    public String httpEndpoint() { return httpEndpoint; }

    public void setMetadataOptions(String tokens, String endpoint) {
        this.httpTokens = tokens;
        this.httpEndpoint = endpoint;
    }
}
