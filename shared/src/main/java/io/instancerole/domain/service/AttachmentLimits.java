package io.instancerole.domain.service;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.AttachedPolicy;
import io.instancerole.domain.port.RamPort;
import java.util.List;

/**
 * RAM's limits on policies attached to one role or user, read and checked before a request's
 * first change, so that a limit refuses the request whole instead of halfway through it.
 */
public final class AttachmentLimits {
    /** RAM's default quotas per role or user; a raised quota is not seen here (this check is then the stricter). */
    static final int MAX_CUSTOM_POLICIES = 5;
    static final int MAX_SYSTEM_POLICIES = 20;

    private AttachmentLimits() {}

    /** True when the policy is attached to the role already; {@code 409 Conflict} when the role has no room for it. */
    public static boolean checkRoomOnRole(RamPort ram, PolicyName policy, PolicyType type, RoleName role) {
        return checkRoom(ram.listPoliciesForRole(role), policy, type, "role '" + role + "'");
    }

    /** True when the policy is attached to the user already; {@code 409 Conflict} when the user has no room for it. */
    public static boolean checkRoomOnUser(RamPort ram, PolicyName policy, PolicyType type, UserName user) {
        return checkRoom(ram.listPoliciesForUser(user), policy, type, "RAM user '" + user + "'");
    }

    public static boolean isAttachedToUser(RamPort ram, PolicyName policy, UserName user) {
        return ram.listPoliciesForUser(user).stream()
                .anyMatch(p -> p.policyType() == PolicyType.Custom && policy.value().equalsIgnoreCase(p.policyName()));
    }

    private static boolean checkRoom(List<AttachedPolicy> attached, PolicyName policy, PolicyType type, String principal) {
        long sameType = 0;
        for (AttachedPolicy p : attached) {
            if (p.policyType() == type) {
                if (policy.value().equalsIgnoreCase(p.policyName())) {
                    return true;
                }
                sameType++;
            }
        }
        int limit = type == PolicyType.Custom ? MAX_CUSTOM_POLICIES : MAX_SYSTEM_POLICIES;
        if (sameType >= limit) {
            throw new DomainException(ErrorCode.Conflict, principal + " already has " + sameType + " " + type
                    + " policies attached, RAM's limit: detach one (or merge them into one policy) first; nothing was changed");
        }
        return false;
    }
}
