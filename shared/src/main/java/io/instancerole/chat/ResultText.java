package io.instancerole.chat;

import io.instancerole.domain.authorize.AttachPolicyResult;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.binding.InstanceResult;
import io.instancerole.domain.describe.InstanceRoleResult;
import io.instancerole.domain.describe.RoleDescription;
import io.instancerole.domain.grant.PassRoleGrantResult;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.role.CreateRoleResult;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A domain result in words, as a plan ("would be bound") or as done ("bound"). */
final class ResultText {
    /** Batches of at most this many instances list every instance; larger ones list the failures and count the rest. */
    static final int LISTED_INSTANCES = 20;

    private ResultText() {}

    /** Adds the result's lines; {@code reserve}: characters to keep for what follows. */
    static void describe(ServiceResult result, boolean plan, Reply.Builder reply, int reserve) {
        if (result instanceof BatchResult) {
            batch((BatchResult) result, plan, reply, reserve);
        } else if (result instanceof CreateRoleResult) {
            CreateRoleResult role = (CreateRoleResult) result;
            reply.line("Role `" + role.role().roleName() + "` " + status(role.status(), plan) + " (trusted by "
                    + String.join(", ", role.role().trustedServices()) + ")" + (plan ? "." : ": `" + role.role().arn() + "`."));
        } else if (result instanceof AttachPolicyResult) {
            AttachPolicyResult attached = (AttachPolicyResult) result;
            reply.line(attached.policyType() + " policy `" + attached.policyName() + "` " + status(attached.status(), plan) + " to role `"
                    + attached.roleName() + "`.");
            findings(attached.findings(), reply, reserve);
        } else if (result instanceof PassRoleGrantResult) {
            PassRoleGrantResult grant = (PassRoleGrantResult) result;
            reply.line("Grant policy `" + grant.policyName() + "` of RAM user `" + grant.userName() + "` " + status(grant.status(), plan) + ".");
            reply.line(grant.grantedRoles().isEmpty() ? "The user " + (plan ? "would" : "may") + " pass no role of this grant."
                    : "The user " + (plan ? "would then be allowed to" : "may") + " pass: " + grant.grantedRoles().stream()
                            .map(r -> "`" + r + "`").collect(Collectors.joining(", ")) + " (and bind them to your team's instances).");
        } else if (result instanceof InstanceRoleResult) {
            InstanceRoleResult instance = (InstanceRoleResult) result;
            reply.line("Instance `" + instance.instanceId() + "` (" + instance.regionId() + ") "
                    + (instance.roleName() == null ? "has no role." : "has role `" + instance.roleName() + "`."));
        } else if (result instanceof RoleDescription) {
            RoleDescription role = (RoleDescription) result;
            reply.line("Role `" + role.role().roleName() + "`: `" + role.role().arn() + "`, trusted by "
                    + String.join(", ", role.role().trustedServices()) + (role.role().description() == null || role.role().description().isEmpty()
                    ? "." : ", \"" + CommandParser.shown(role.role().description()) + "\"."));
            List<String> policies = role.policies().stream().map(p -> "`" + p.policyName() + "` (" + p.policyType() + ")")
                    .collect(Collectors.toList());
            if (policies.isEmpty()) {
                reply.line("No policy is attached yet.");
            } else {
                reply.line("Policies:");
                reply.items(policies, reserve, more -> "… and " + more + " more policies.");
            }
        } else {
            throw new IllegalArgumentException("no words for " + result.getClass().getSimpleName());
        }
    }

    private static void batch(BatchResult batch, boolean plan, Reply.Builder reply, int reserve) {
        List<String> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> count : batch.summary().entrySet()) {
            counts.add(phrase(count.getKey(), plan) + ": " + count.getValue());
        }
        reply.line("Region " + batch.regionId() + " · " + String.join(" · ", counts));
        List<InstanceResult> failures = batch.results().stream().filter(r -> r.status() == Status.FAILED).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        for (InstanceResult failure : failures) {
            lines.add("`" + failure.instanceId() + "` " + failure.code() + ": " + failure.message());
        }
        if (batch.results().size() <= LISTED_INSTANCES) {
            for (InstanceResult result : batch.results()) {
                if (result.status() != Status.FAILED) {
                    lines.add("`" + result.instanceId() + "` " + phrase(result.status().wire(), plan)
                            + (result.previousRoleName() == null ? "" : " (was `" + result.previousRoleName() + "`)"));
                }
            }
        }
        int listedFailures = failures.size();
        reply.items(lines, reserve, more -> "… and " + more + " more " + (more <= listedFailures ? "failures" : "lines")
                + " (the API's answer to the same request lists every instance).");
    }

    /** True when carrying the result out would change something: not all unchanged, not all failed. */
    static boolean changesAnything(ServiceResult result) {
        if (result instanceof BatchResult) {
            return ((BatchResult) result).results().stream().anyMatch(r -> r.status() != Status.UNCHANGED && r.status() != Status.FAILED);
        }
        if (result instanceof AttachPolicyResult) {
            return ((AttachPolicyResult) result).status() == Status.ATTACHED;
        }
        if (result instanceof CreateRoleResult) {
            return ((CreateRoleResult) result).status() != Status.UNCHANGED;
        }
        return !(result instanceof PassRoleGrantResult) || ((PassRoleGrantResult) result).status() != Status.UNCHANGED;
    }

    private static void findings(List<Finding> findings, Reply.Builder reply, int reserve) {
        if (!findings.isEmpty()) {
            reply.items(findings.stream().map(f -> f.level() + " " + f.code() + ": " + f.message()).collect(Collectors.toList()), reserve,
                    more -> "… and " + more + " more findings.");
        }
    }

    private static String status(Status status, boolean plan) {
        return phrase(status.wire(), plan);
    }

    /** A status of the contract as a person reads it. */
    static String phrase(String status, boolean plan) {
        switch (status) {
            case "unchanged":
                return "unchanged";
            case "alreadyAttached":
                return "already attached";
            case "failed":
                return plan ? "would fail" : "failed";
            default:
                return plan ? "would be " + status : status;
        }
    }
}
