package io.instancerole.domain.grant;

import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.service.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code POST /v1/pass-role-grants}: {@code {"userName", "roleNames": [1-20], "includeEcsActions"?}}. */
public final class GrantPassRoleRequest {
    public static final int MAX_ROLES = 20;
    /** A user who may pass a role for instances also needs to bind it, so the ECS actions come by default. */
    public static final boolean DEFAULT_INCLUDE_ECS_ACTIONS = true;

    private final UserName userName;
    private final List<RoleName> roleNames;
    private final boolean includeEcsActions;

    private GrantPassRoleRequest(UserName userName, List<RoleName> roleNames, boolean includeEcsActions) {
        this.userName = Objects.requireNonNull(userName, "userName");
        this.roleNames = roleNames;
        this.includeEcsActions = includeEcsActions;
    }

    /** {@code includeEcsActions} null means {@link #DEFAULT_INCLUDE_ECS_ACTIONS}. */
    public static GrantPassRoleRequest of(UserName userName, List<RoleName> roleNames, Boolean includeEcsActions) {
        return new GrantPassRoleRequest(userName, Checks.distinctList("roleNames", roleNames, 1, MAX_ROLES),
                includeEcsActions == null ? DEFAULT_INCLUDE_ECS_ACTIONS : includeEcsActions);
    }

    public UserName userName() {
        return userName;
    }

    public List<RoleName> roleNames() {
        return roleNames;
    }

    public boolean includeEcsActions() {
        return includeEcsActions;
    }

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("userName", userName.value());
        target.put("roleNames", roleNames.stream().map(RoleName::value).collect(Collectors.toList()));
        target.put("includeEcsActions", includeEcsActions);
        return target;
    }
}
