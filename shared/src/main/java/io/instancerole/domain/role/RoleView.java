package io.instancerole.domain.role;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.policy.TrustPolicyEvaluator;
import java.util.List;

/** A role as the contract shows it. Fields RAM assigns (id, ARN, creation date) are null in a dry run's plan. */
@JsonPropertyOrder({"roleName", "roleId", "arn", "description", "maxSessionDuration", "trustedServices", "createDate"})
public final class RoleView {
    /** RAM's default when CreateRole gets no MaxSessionDuration. */
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    private final String roleName;
    private final String roleId;
    private final String arn;
    private final String description;
    private final int maxSessionDuration;
    private final List<String> trustedServices;
    private final String createDate;

    private RoleView(String roleName, String roleId, String arn, String description, int maxSessionDuration,
            List<String> trustedServices, String createDate) {
        this.roleName = roleName;
        this.roleId = roleId;
        this.arn = arn;
        this.description = description == null ? "" : description;
        this.maxSessionDuration = maxSessionDuration;
        this.trustedServices = List.copyOf(trustedServices);
        this.createDate = createDate;
    }

    public static RoleView of(CloudRole role) {
        return new RoleView(role.roleName(), role.roleId(), role.arn(), role.description(), role.maxSessionDuration(),
                TrustPolicyEvaluator.trustedServices(role.assumeRolePolicyDocument()), role.createDate());
    }

    /** The role a dry run would create. */
    static RoleView planned(RoleName name, String description, Integer maxSessionDuration) {
        return new RoleView(name.value(), null, null, description,
                maxSessionDuration == null ? DEFAULT_MAX_SESSION_DURATION : maxSessionDuration,
                List.of(EcsTrust.SERVICE), null);
    }

    /** This role as a dry run's update would leave it; null means "not changed". */
    RoleView updatedWith(String newDescription, Integer newMaxSessionDuration) {
        return new RoleView(roleName, roleId, arn, newDescription == null ? description : newDescription,
                newMaxSessionDuration == null ? maxSessionDuration : newMaxSessionDuration, trustedServices, createDate);
    }

    @JsonProperty
    public String roleName() {
        return roleName;
    }

    @JsonProperty
    public String roleId() {
        return roleId;
    }

    @JsonProperty
    public String arn() {
        return arn;
    }

    /** Empty when the role has none. */
    @JsonProperty
    public String description() {
        return description;
    }

    @JsonProperty
    public int maxSessionDuration() {
        return maxSessionDuration;
    }

    @JsonProperty
    public List<String> trustedServices() {
        return trustedServices;
    }

    @JsonProperty
    public String createDate() {
        return createDate;
    }
}
