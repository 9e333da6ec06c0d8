package io.instancerole.domain.grant;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudUser;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.RamResourceType;
import io.instancerole.domain.service.AttachmentLimits;
import io.instancerole.domain.service.CloudErrors;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.Lookups;
import io.instancerole.domain.service.PolicyVersions;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import io.instancerole.policy.PolicyDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * grantPassRole and its revoke: one custom policy per RAM user and granting team, attached to that
 * user, that lets the user pass exactly the granted roles (never '*') and, when asked, bind them to
 * the team's instances only. Grants of several teams to one user live in separate policies, so
 * each keeps its own scope. A grant policy carries the owner tag and a grant marker; a policy of
 * that name without both is not the API's and is never rewritten.
 */
public final class PassRoleGrantService {
    /** The marker tag of a grant policy: its value is the user's folded name. */
    static final String GRANT_TAG_KEY = "instance-role-grant";
    private static final String ALREADY_ATTACHED_TO_USER = "EntityAlreadyExists.User.Policy";

    private final Guardrails guardrails;

    public PassRoleGrantService(Guardrails guardrails) {
        this.guardrails = guardrails;
    }

    /**
     * Adds the roles to the team's grant to the user: {@code created}, {@code updated} or
     * {@code unchanged}; 207 when the policy changed but attaching it to the user then failed.
     */
    public PassRoleGrantResult grant(RequestContext ctx, GrantPassRoleRequest request) {
        return CloudErrors.translate(() -> {
            request.roleNames().forEach(role -> guardrails.checkRoleName(ctx.caller(), role));
            RamPort ram = ctx.cloud().ram();
            List<String> roles = new ArrayList<>();
            for (RoleName role : request.roleNames()) {
                roles.add(guardrails.requireRole(ctx, role).roleName());
            }
            CloudUser user = Lookups.requireUser(ram, request.userName());
            String accountId = ctx.cloud().sts().getCallerIdentity().accountId();
            PolicyName policyName = PassRoleGrant.policyNameFor(ctx.caller().team(), request.userName());
            Optional<CloudPolicy> existing = existingGrant(ctx, ram, policyName, request.userName());
            String currentDocument = existing.map(p -> Lookups.defaultDocument(ram, policyName, p)).orElse(null);
            PassRoleGrant wanted = (existing.isPresent() ? PassRoleGrant.parse(currentDocument) : PassRoleGrant.none())
                    .with(roles, request.includeEcsActions());
            JsonNode document = wanted.document(accountId, guardrails.ownerTagKey(), scope(ctx.caller()));
            String documentText = Json.write(document);
            // RAM's limit of custom policies per user is checked before the first change
            boolean attached = AttachmentLimits.checkRoomOnUser(ram, policyName, PolicyType.Custom, request.userName());

            Status status;
            if (existing.isEmpty()) {
                status = Status.CREATED;
                if (!ctx.dryRun()) {
                    ram.createPolicy(policyName, documentText, "ram:PassRole grants of team " + ctx.caller().team() + " to RAM user "
                            + user.userName() + ", kept by the instance-role API", grantTags(ctx.caller(), request.userName()));
                    ctx.recordChange("CreatePolicy", Map.of("policyName", policyName.value()));
                }
            } else {
                boolean documentChanged = currentDocument == null || !PolicyDocuments.sameMeaning(currentDocument, documentText);
                if (documentChanged && !ctx.dryRun()) {
                    PolicyVersions.newDefault(ctx, ram, policyName, documentText);
                }
                status = documentChanged || !attached ? Status.UPDATED : Status.UNCHANGED;
            }
            Map<String, String> failure = null;
            if (!attached && !ctx.dryRun()) {
                failure = laterStep(ctx, () -> attachToUser(ctx, ram, policyName, request.userName()));
            }
            return new PassRoleGrantResult(status, ctx.dryRun(), user.userName(), policyName.value(), wanted.roleNames(), document,
                    failure);
        });
    }

    /**
     * Removes the roles from the team's grant to the user: {@code updated}, {@code unchanged} (none
     * of them was granted), or {@code deleted} when no role is left (the policy is detached and
     * deleted; 207 when the detach went through and the delete then failed). Only the names are
     * checked against the team's prefix: a role deleted since it was granted can still be revoked.
     */
    public PassRoleGrantResult revoke(RequestContext ctx, RevokePassRoleRequest request) {
        return CloudErrors.translate(() -> {
            request.roleNames().forEach(role -> guardrails.checkRoleName(ctx.caller(), role));
            RamPort ram = ctx.cloud().ram();
            CloudUser user = Lookups.requireUser(ram, request.userName());
            PolicyName policyName = PassRoleGrant.policyNameFor(ctx.caller().team(), request.userName());
            Optional<CloudPolicy> existing = existingGrant(ctx, ram, policyName, request.userName());
            if (existing.isEmpty()) {
                return new PassRoleGrantResult(Status.UNCHANGED, ctx.dryRun(), user.userName(), policyName.value(), List.of(), null, null);
            }
            String currentDocument = Lookups.defaultDocument(ram, policyName, existing.get());
            PassRoleGrant current = PassRoleGrant.parse(currentDocument);
            PassRoleGrant remaining = current.without(request.roleNames().stream().map(RoleName::value).collect(Collectors.toList()));
            if (remaining.roleNames().equals(current.roleNames())) {
                return new PassRoleGrantResult(Status.UNCHANGED, ctx.dryRun(), user.userName(), policyName.value(),
                        current.roleNames(), Json.parse(currentDocument).orElse(null), null);
            }
            if (remaining.isEmpty()) {
                Map<String, String> failure = ctx.dryRun() ? null : delete(ctx, ram, policyName, request.userName());
                return new PassRoleGrantResult(Status.DELETED, ctx.dryRun(), user.userName(), policyName.value(), List.of(), null,
                        failure);
            }
            JsonNode document = remaining.document(ctx.cloud().sts().getCallerIdentity().accountId(), guardrails.ownerTagKey(),
                    scope(ctx.caller()));
            if (!ctx.dryRun()) {
                PolicyVersions.newDefault(ctx, ram, policyName, Json.write(document));
            }
            return new PassRoleGrantResult(Status.UPDATED, ctx.dryRun(), user.userName(), policyName.value(), remaining.roleNames(),
                    document, null);
        });
    }

    /** The team whose instances the grant's ECS actions are limited to; none for an admin's grant. */
    private String scope(Caller caller) {
        return guardrails.isAdmin(caller) ? null : caller.team();
    }

    /** The owner tag and the grant marker a grant policy is created with. */
    private Map<String, String> grantTags(Caller caller, UserName user) {
        Map<String, String> tags = new HashMap<>(guardrails.ownerTags(caller));
        tags.put(GRANT_TAG_KEY, user.folded());
        return tags;
    }

    /**
     * The grant policy, when there is one. A policy of that name that lacks the team's owner tag or
     * the user's grant marker was not made by this API for this grant: {@code 409 Conflict}, and it
     * is left as it is.
     */
    private Optional<CloudPolicy> existingGrant(RequestContext ctx, RamPort ram, PolicyName policyName, UserName user) {
        Optional<CloudPolicy> existing = ram.getPolicy(policyName, PolicyType.Custom);
        if (existing.isPresent()) {
            Map<String, String> tags = ram.listTags(RamResourceType.POLICY, List.of(policyName.value()), null).entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(policyName.value()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(Map.of());
            if (!tags.entrySet().containsAll(grantTags(ctx.caller(), user).entrySet())) {
                throw new DomainException(ErrorCode.Conflict, "a custom policy named '" + policyName + "' exists but was not made by"
                        + " this API for team '" + ctx.caller().team() + "''s grants to RAM user '" + user + "' (it lacks the tags "
                        + grantTags(ctx.caller(), user) + "), so it is left untouched; an operator must rename or delete it");
            }
        }
        return existing;
    }

    /**
     * Runs a step that follows a change: its cloud failure becomes the answer's {@code failure}
     * (207) when something was already changed, or the plain error when nothing was.
     */
    private static Map<String, String> laterStep(RequestContext ctx, Runnable step) {
        int changesBefore = ctx.changes().size();
        try {
            step.run();
            return null;
        } catch (CloudException e) {
            if (changesBefore == 0) {
                throw e;
            }
            Map<String, String> failure = new LinkedHashMap<>();
            failure.put("action", e.action());
            failure.put("code", e.code());
            failure.put("message", "the cloud refused " + e.action() + " (" + e.code() + ": " + e.getMessage()
                    + ") after the earlier steps were made; repeat the request to finish");
            return failure;
        }
    }

    private static void attachToUser(RequestContext ctx, RamPort ram, PolicyName policyName, UserName user) {
        try {
            ram.attachPolicyToUser(policyName, PolicyType.Custom, user);
        } catch (CloudException e) {
            if (ALREADY_ATTACHED_TO_USER.equals(e.code())) {
                return;
            }
            throw e;
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("policyName", policyName.value());
        change.put("userName", user.value());
        ctx.recordChange("AttachPolicyToUser", change);
    }

    /** RAM deletes a policy only once it is detached and has no other version than the default. */
    private static Map<String, String> delete(RequestContext ctx, RamPort ram, PolicyName policyName, UserName user) {
        if (AttachmentLimits.isAttachedToUser(ram, policyName, user)) {
            ram.detachPolicyFromUser(policyName, PolicyType.Custom, user);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("policyName", policyName.value());
            change.put("userName", user.value());
            ctx.recordChange("DetachPolicyFromUser", change);
        }
        return laterStep(ctx, () -> {
            for (CloudPolicyVersion version : ram.listPolicyVersions(policyName)) {
                if (!version.isDefault()) {
                    ram.deletePolicyVersion(policyName, version.versionId());
                }
            }
            ram.deletePolicy(policyName);
            ctx.recordChange("DeletePolicy", Map.of("policyName", policyName.value()));
        });
    }
}
