package io.instancerole.domain.grant;

import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.service.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code POST /v1/pass-role-grants/revoke}: {@code {"userName", "roleNames": [1-20]}}. */
public final class RevokePassRoleRequest {
    private final UserName userName;
    private final List<RoleName> roleNames;

    private RevokePassRoleRequest(UserName userName, List<RoleName> roleNames) {
        this.userName = Objects.requireNonNull(userName, "userName");
        this.roleNames = roleNames;
    }

    public static RevokePassRoleRequest of(UserName userName, List<RoleName> roleNames) {
        return new RevokePassRoleRequest(userName, Checks.distinctList("roleNames", roleNames, 1, GrantPassRoleRequest.MAX_ROLES));
    }

    public UserName userName() {
        return userName;
    }

    public List<RoleName> roleNames() {
        return roleNames;
    }

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("userName", userName.value());
        target.put("roleNames", roleNames.stream().map(RoleName::value).collect(Collectors.toList()));
        return target;
    }
}
