package io.instancerole.domain.authorize;

import com.fasterxml.jackson.databind.node.TextNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.policy.FindingLevel;
import io.instancerole.domain.policy.LintResult;
import io.instancerole.domain.policy.PolicyLinter;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.service.AttachmentLimits;
import io.instancerole.domain.service.CloudErrors;
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
 * createPolicy: ensures a linted custom policy (created, or a new default version when its
 * meaning changed) and its attachment to roles; and the authorization of a role with an existing
 * system or custom policy.
 */
public final class PolicyService {
    /** RAM names the first version of a new policy v1. */
    static final String FIRST_VERSION = "v1";
    private static final String ALREADY_ATTACHED_TO_ROLE = "EntityAlreadyExists.Role.Policy";

    private final Guardrails guardrails;
    private final PolicyLinter linter;

    public PolicyService(Guardrails guardrails, PolicyLinter linter) {
        this.guardrails = guardrails;
        this.linter = linter;
    }

    /**
     * Every check, RAM's limits included, comes before the first change; an attachment the cloud
     * still refuses after the policy was made fails that role only (207), so a retry finishes.
     */
    public CreatePolicyResult createPolicy(RequestContext ctx, CreatePolicyRequest request) {
        return CloudErrors.translate(() -> {
            guardrails.checkPolicyName(ctx.caller(), request.policyName());
            for (RoleName role : request.attachToRoles()) {
                guardrails.checkRoleName(ctx.caller(), role);
            }
            LintResult lint = linter.lint(request.document(), ctx.caller());
            refuseFindings(ctx.caller(), lint);

            RamPort ram = ctx.cloud().ram();
            guardrails.checkMayEnsurePolicy(ctx, request.policyName());
            // every role must exist, be the team's and have room before anything changes
            List<CloudRole> roles = new ArrayList<>();
            List<Boolean> alreadyAttached = new ArrayList<>();
            for (RoleName role : request.attachToRoles()) {
                roles.add(guardrails.requireRole(ctx, role));
                alreadyAttached.add(AttachmentLimits.checkRoomOnRole(ram, request.policyName(), PolicyType.Custom, role));
            }
            String document = lint.minifiedDocument();
            Optional<CloudPolicy> existing = ram.getPolicy(request.policyName(), PolicyType.Custom);
            Status status;
            PolicyView policy;
            if (existing.isEmpty()) {
                status = Status.CREATED;
                policy = create(ctx, ram, request, document, guardrails.ownerTags(ctx.caller()));
            } else if (sameMeaning(Lookups.defaultDocument(ram, request.policyName(), existing.get()), document)) {
                status = Status.UNCHANGED;
                policy = view(existing.get(), existing.get().defaultVersion());
            } else {
                status = Status.UPDATED;
                policy = newDefaultVersion(ctx, ram, request.policyName(), existing.get(), document);
            }
            List<RoleAttachment> attachments = new ArrayList<>();
            for (int i = 0; i < roles.size(); i++) {
                String roleName = roles.get(i).roleName();
                if (alreadyAttached.get(i)) {
                    attachments.add(RoleAttachment.of(roleName, Status.ALREADY_ATTACHED));
                    continue;
                }
                try {
                    attachments.add(RoleAttachment.of(roleName,
                            attach(ctx, ram, request.policyName(), PolicyType.Custom, request.attachToRoles().get(i))));
                } catch (CloudException e) {
                    if (ctx.changes().isEmpty()) {
                        throw e; // nothing changed yet: a plain error
                    }
                    attachments.add(RoleAttachment.failed(roleName, e));
                }
            }
            return new CreatePolicyResult(status, ctx.dryRun(), policy, attachments, lint.findings());
        });
    }

    /**
     * policy-lint: the findings createPolicy would report, each placed in the text when the
     * document came as text, and whether createPolicy would refuse it for this caller and why.
     * No cloud call.
     */
    public LintAnswer lint(Caller caller, LintRequest request) {
        LintResult lint = linter.lint(request.document(), caller);
        String reason = null;
        try {
            if (request.policyName() != null) {
                guardrails.checkPolicyName(caller, request.policyName()); // the name rule only: the owner tag would take a cloud call
            }
            refuseFindings(caller, lint);
        } catch (DomainException refused) {
            reason = refused.code() + ": " + refused.getMessage();
        }
        return new LintAnswer(lint.findings(), FindingLocations.in(request.document()), reason);
    }

    /** Errors refuse any document (422 PolicyInvalid); security warnings refuse it for non-admins (403 PolicyTooBroad). */
    private void refuseFindings(Caller caller, LintResult lint) {
        if (lint.has(FindingLevel.ERROR)) {
            throw new DomainException(ErrorCode.PolicyInvalid, "the policy document has errors ("
                    + describe(lint, FindingLevel.ERROR) + "); nothing was created", lint.findings());
        }
        guardrails.checkFindings(caller, lint);
    }

    public AttachPolicyResult attachPolicy(RequestContext ctx, AttachPolicyRequest request) {
        return CloudErrors.translate(() -> {
            guardrails.checkRoleName(ctx.caller(), request.roleName());
            if (request.policyType() == PolicyType.System) {
                guardrails.checkSystemPolicy(ctx.caller(), request.policyName());
            } else {
                guardrails.checkPolicyName(ctx.caller(), request.policyName());
            }
            RamPort ram = ctx.cloud().ram();
            CloudRole role = guardrails.requireRole(ctx, request.roleName());
            CloudPolicy policy = request.policyType() == PolicyType.Custom
                    ? guardrails.requireCustomPolicy(ctx, request.policyName())
                    : ram.getPolicy(request.policyName(), request.policyType())
                            .orElseThrow(() -> Guardrails.policyNotFound(request.policyName(), request.policyType()));
            List<Finding> findings = lintExisting(ctx, ram, request, policy);
            boolean already = AttachmentLimits.checkRoomOnRole(ram, request.policyName(), request.policyType(), request.roleName());
            Status status = already ? Status.ALREADY_ATTACHED : attach(ctx, ram, request.policyName(), request.policyType(), request.roleName());
            return new AttachPolicyResult(status, ctx.dryRun(), role.roleName(), policy.policyName(), policy.policyType(), findings);
        });
    }

    /**
     * An existing policy is linted like a new one: its findings come back, and a non-admin may not
     * attach one with security warnings. Errors do not refuse it: RAM already accepted the document.
     */
    private List<Finding> lintExisting(RequestContext ctx, RamPort ram, AttachPolicyRequest request, CloudPolicy policy) {
        String document = request.policyType() == PolicyType.Custom
                ? Lookups.defaultDocument(ram, request.policyName(), policy) : policy.defaultDocument();
        if (document == null) {
            return List.of();
        }
        LintResult lint = linter.lint(TextNode.valueOf(document), ctx.caller());
        guardrails.checkFindings(ctx.caller(), lint);
        return lint.findings();
    }

    private static PolicyView create(RequestContext ctx, RamPort ram, CreatePolicyRequest request, String document,
            Map<String, String> tags) {
        if (ctx.dryRun()) {
            return new PolicyView(request.policyName().value(), PolicyType.Custom, FIRST_VERSION, request.description());
        }
        CloudPolicy created = ram.createPolicy(request.policyName(), document, request.description(), tags);
        ctx.recordChange("CreatePolicy", Map.of("policyName", request.policyName().value()));
        return view(created, created.defaultVersion());
    }

    /** A new default version; RAM rotates out the oldest non-default one at its limit of 5. */
    private static PolicyView newDefaultVersion(RequestContext ctx, RamPort ram, PolicyName name, CloudPolicy existing, String document) {
        if (ctx.dryRun()) {
            return view(existing, nextVersionId(ram, name));
        }
        String version = PolicyVersions.newDefault(ctx, ram, name, document);
        return view(existing, version);
    }

    /** Attaches the policy (not attached yet); RAM's "already attached" answer counts as done. */
    private static Status attach(RequestContext ctx, RamPort ram, PolicyName policy, PolicyType type, RoleName role) {
        if (ctx.dryRun()) {
            return Status.ATTACHED;
        }
        try {
            ram.attachPolicyToRole(policy, type, role);
        } catch (CloudException e) {
            if (ALREADY_ATTACHED_TO_ROLE.equals(e.code())) {
                return Status.ALREADY_ATTACHED;
            }
            throw e;
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("policyName", policy.value());
        change.put("policyType", type.name());
        change.put("roleName", role.value());
        ctx.recordChange("AttachPolicyToRole", change);
        return Status.ATTACHED;
    }

    /** The id RAM will give the next version: its ids count up (v1, v2, ...) and are not reused after rotation. */
    private static String nextVersionId(RamPort ram, PolicyName name) {
        int highest = 0;
        for (CloudPolicyVersion version : ram.listPolicyVersions(name)) {
            String id = version.versionId();
            if (id != null && id.matches("v[0-9]{1,9}")) {
                highest = Math.max(highest, Integer.parseInt(id.substring(1)));
            }
        }
        return "v" + (highest + 1);
    }

    private static boolean sameMeaning(String current, String wanted) {
        return current != null && PolicyDocuments.sameMeaning(current, wanted);
    }

    private static PolicyView view(CloudPolicy policy, String defaultVersion) {
        return new PolicyView(policy.policyName(), policy.policyType(), defaultVersion, policy.description());
    }

    private static String describe(LintResult lint, FindingLevel level) {
        return lint.findings().stream()
                .filter(f -> f.level() == level)
                .map(PolicyService::where)
                .collect(Collectors.joining(", "));
    }

    private static String where(Finding finding) {
        return finding.code() + (finding.path().isEmpty() ? "" : " at " + finding.path());
    }
}
