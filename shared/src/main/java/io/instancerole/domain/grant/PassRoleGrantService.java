package io.instancerole.domain.grant;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudUser;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.service.CloudErrors;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.Lookups;
import io.instancerole.domain.service.PolicyVersions;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.Status;
import io.instancerole.policy.PolicyDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * grantPassRole and its revoke: one custom policy per RAM user, attached to that user, that lets
 * the user pass exactly the granted roles (never '*') and, when asked, bind them.
 */
public final class PassRoleGrantService {
    private static final String ALREADY_ATTACHED_TO_USER = "EntityAlreadyExists.User.Policy";

    private final Guardrails guardrails;

    public PassRoleGrantService(Guardrails guardrails) {
        this.guardrails = guardrails;
    }

    /** Adds the roles to the user's grant: {@code created}, {@code updated} or {@code unchanged}. */
    public PassRoleGrantResult grant(RequestContext ctx, GrantPassRoleRequest request) {
        return CloudErrors.translate(() -> {
            request.roleNames().forEach(role -> guardrails.checkPassRole(ctx.caller(), role));
            RamPort ram = ctx.cloud().ram();
            CloudUser user = Lookups.requireUser(ram, request.userName());
            List<String> roles = new ArrayList<>();
            for (RoleName role : request.roleNames()) {
                roles.add(Lookups.requireRole(ram, role).roleName());
            }
            String accountId = ctx.cloud().sts().getCallerIdentity().accountId();
            PolicyName policyName = PassRoleGrant.policyNameFor(request.userName());
            Optional<CloudPolicy> existing = ram.getPolicy(policyName, PolicyType.Custom);
            String currentDocument = existing.map(p -> Lookups.defaultDocument(ram, policyName, p)).orElse(null);
            PassRoleGrant wanted = (existing.isPresent() ? PassRoleGrant.parse(currentDocument) : PassRoleGrant.none())
                    .with(roles, request.includeEcsActions());
            JsonNode document = wanted.document(accountId);
            String documentText = Json.write(document);

            boolean attached = existing.isPresent() && isAttached(ram, policyName, request.userName());
            Status status;
            if (existing.isEmpty()) {
                status = Status.CREATED;
                if (!ctx.dryRun()) {
                    ram.createPolicy(policyName, documentText, "ram:PassRole grants of RAM user " + user.userName()
                            + ", kept by the instance-role API");
                    ctx.recordChange("CreatePolicy", Map.of("policyName", policyName.value()));
                }
            } else {
                boolean documentChanged = currentDocument == null || !PolicyDocuments.sameMeaning(currentDocument, documentText);
                if (documentChanged && !ctx.dryRun()) {
                    PolicyVersions.newDefault(ctx, ram, policyName, documentText);
                }
                status = documentChanged || !attached ? Status.UPDATED : Status.UNCHANGED;
            }
            if (!attached && !ctx.dryRun()) {
                attachToUser(ctx, ram, policyName, request.userName());
            }
            return new PassRoleGrantResult(status, ctx.dryRun(), user.userName(), policyName.value(), wanted.roleNames(), document);
        });
    }

    /**
     * Removes the roles from the user's grant: {@code updated}, {@code unchanged} (none of them
     * was granted), or {@code deleted} when no role is left (the policy is detached and deleted).
     */
    public PassRoleGrantResult revoke(RequestContext ctx, RevokePassRoleRequest request) {
        return CloudErrors.translate(() -> {
            request.roleNames().forEach(role -> guardrails.checkPassRole(ctx.caller(), role));
            RamPort ram = ctx.cloud().ram();
            CloudUser user = Lookups.requireUser(ram, request.userName());
            PolicyName policyName = PassRoleGrant.policyNameFor(request.userName());
            Optional<CloudPolicy> existing = ram.getPolicy(policyName, PolicyType.Custom);
            if (existing.isEmpty()) {
                return new PassRoleGrantResult(Status.UNCHANGED, ctx.dryRun(), user.userName(), policyName.value(), List.of(), null);
            }
            String currentDocument = Lookups.defaultDocument(ram, policyName, existing.get());
            PassRoleGrant current = PassRoleGrant.parse(currentDocument);
            PassRoleGrant remaining = current.without(request.roleNames().stream().map(RoleName::value).collect(Collectors.toList()));
            if (remaining.roleNames().equals(current.roleNames())) {
                return new PassRoleGrantResult(Status.UNCHANGED, ctx.dryRun(), user.userName(), policyName.value(),
                        current.roleNames(), Json.parse(currentDocument).orElse(null));
            }
            if (remaining.isEmpty()) {
                if (!ctx.dryRun()) {
                    delete(ctx, ram, policyName, request);
                }
                return new PassRoleGrantResult(Status.DELETED, ctx.dryRun(), user.userName(), policyName.value(), List.of(), null);
            }
            JsonNode document = remaining.document(ctx.cloud().sts().getCallerIdentity().accountId());
            if (!ctx.dryRun()) {
                PolicyVersions.newDefault(ctx, ram, policyName, Json.write(document));
            }
            return new PassRoleGrantResult(Status.UPDATED, ctx.dryRun(), user.userName(), policyName.value(), remaining.roleNames(), document);
        });
    }

    private static boolean isAttached(RamPort ram, PolicyName policyName, UserName user) {
        return ram.listPoliciesForUser(user).stream()
                .anyMatch(p -> p.policyType() == PolicyType.Custom && policyName.value().equalsIgnoreCase(p.policyName()));
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
    private static void delete(RequestContext ctx, RamPort ram, PolicyName policyName, RevokePassRoleRequest request) {
        if (isAttached(ram, policyName, request.userName())) {
            ram.detachPolicyFromUser(policyName, PolicyType.Custom, request.userName());
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("policyName", policyName.value());
            change.put("userName", request.userName().value());
            ctx.recordChange("DetachPolicyFromUser", change);
        }
        for (CloudPolicyVersion version : ram.listPolicyVersions(policyName)) {
            if (!version.isDefault()) {
                ram.deletePolicyVersion(policyName, version.versionId());
            }
        }
        ram.deletePolicy(policyName);
        ctx.recordChange("DeletePolicy", Map.of("policyName", policyName.value()));
    }
}
