package io.instancerole.domain.role;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.service.Checks;
import java.util.Map;
import java.util.Objects;

/** {@code POST /v1/roles}: {@code {"roleName", "description"?, "maxSessionDuration"?}}. */
public final class CreateRoleRequest {
    public static final int MIN_SESSION_DURATION = 3600;
    public static final int MAX_SESSION_DURATION = 43200;

    private final RoleName roleName;
    private final String description;
    private final Integer maxSessionDuration;

    private CreateRoleRequest(RoleName roleName, String description, Integer maxSessionDuration) {
        this.roleName = Objects.requireNonNull(roleName, "roleName");
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
    }

    /** {@code description} and {@code maxSessionDuration} may be null (not given: left as they are, or RAM's default). */
    public static CreateRoleRequest of(RoleName roleName, String description, Integer maxSessionDuration) {
        if (maxSessionDuration != null && (maxSessionDuration < MIN_SESSION_DURATION || maxSessionDuration > MAX_SESSION_DURATION)) {
            throw DomainException.invalidParameter("maxSessionDuration", "seconds from " + MIN_SESSION_DURATION + " to "
                    + MAX_SESSION_DURATION + " (got " + maxSessionDuration + ")");
        }
        return new CreateRoleRequest(roleName, Checks.description("description", description), maxSessionDuration);
    }

    public RoleName roleName() {
        return roleName;
    }

    public String description() {
        return description;
    }

    public Integer maxSessionDuration() {
        return maxSessionDuration;
    }

    /** What the audit line names as the target. */
    public Map<String, Object> auditTarget() {
        return Map.of("roleName", roleName.value());
    }
}
