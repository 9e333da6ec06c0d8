package io.instancerole.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.emulator.rpc.Action;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.state.Attachment;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.ManagedPolicy;
import io.instancerole.emulator.state.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Policies and their versions. */
final class PolicyActions {
    private static final int MAX_DESCRIPTION = 1024;
    private static final String ROTATE = "DeleteOldestNonDefaultVersionWhenLimitExceeded";

    private PolicyActions() {}

    static Map<String, Action> all() {
        return Map.of(
                "CreatePolicy", PolicyActions::createPolicy,
                "GetPolicy", PolicyActions::getPolicy,
                "DeletePolicy", PolicyActions::deletePolicy,
                "ListPolicies", PolicyActions::listPolicies,
                "CreatePolicyVersion", PolicyActions::createPolicyVersion,
                "GetPolicyVersion", PolicyActions::getPolicyVersion,
                "ListPolicyVersions", PolicyActions::listPolicyVersions,
                "SetDefaultPolicyVersion", PolicyActions::setDefaultPolicyVersion,
                "DeletePolicyVersion", PolicyActions::deletePolicyVersion);
    }

    private static ObjectNode createPolicy(Call call) {
        String name = call.required("PolicyName");
        RamRules.policyName(name);
        String document = call.required("PolicyDocument");
        String description = call.param("Description");
        RamRules.maxLength("Description", description, MAX_DESCRIPTION);
        Map<String, String> tags = TagActions.requestTags(call);
        call.authorize("ram:CreatePolicy", Arns.policyResource(call.accountId(), name));
        TagActions.authorizeTagsOnCreate(call, tags);
        RamRules.permissionPolicy("PolicyDocument", document);
        CloudState state = call.state();
        if (state.policy(ManagedPolicy.CUSTOM, name).isPresent()) {
            throw new ApiException(409, "EntityAlreadyExists.Policy", "The policy does already EXIST: " + name + ".");
        }
        if (state.customPolicies().size() >= RamRules.MAX_CUSTOM_POLICIES) {
            throw new ApiException(409, "LimitExceeded.Policy", "The count of custom policies beyond the current limits: at most "
                    + RamRules.MAX_CUSTOM_POLICIES + ".");
        }
        ManagedPolicy policy = new ManagedPolicy(name, ManagedPolicy.CUSTOM, description == null ? "" : description,
                document, call.now());
        policy.tags().put(tags);
        state.putCustomPolicy(policy);
        ObjectNode body = Json.object();
        ObjectNode json = body.putObject("Policy");
        writeSummary(json, policy);
        json.put("CreateDate", Times.iso(policy.createDate()));
        return body;
    }

    private static ObjectNode getPolicy(Call call) {
        String type = RamRules.policyType(call.required("PolicyType"));
        String name = call.required("PolicyName");
        call.authorize("ram:GetPolicy", Arns.policyResource(call.accountId(), name));
        ManagedPolicy policy = existing(call, type, name);
        ObjectNode body = Json.object();
        ObjectNode json = body.putObject("Policy");
        writePolicy(json, call.state(), policy);
        json.put("PolicyDocument", policy.defaultVersion().document());
        writeVersion(body.putObject("DefaultPolicyVersion"), policy, policy.defaultVersion());
        return body;
    }

    private static ObjectNode deletePolicy(Call call) {
        String name = call.required("PolicyName");
        call.authorize("ram:DeletePolicy", Arns.policyResource(call.accountId(), name));
        ManagedPolicy policy = existing(call, ManagedPolicy.CUSTOM, name);
        for (Attachment attachment : call.state().attachmentsOfPolicy(ManagedPolicy.CUSTOM, name)) {
            // DeleteConflict.Policy.User is documented; the Role variant is the likeliest analogue (UNVERIFIED)
            throw new ApiException(409, "DeleteConflict.Policy." + attachment.principalType(),
                    "The policy is still attached to " + attachment.principalType().toLowerCase() + " "
                            + attachment.principalName() + ": detach it first.");
        }
        if (policy.versions().size() > 1) {
            throw new ApiException(409, "DeleteConflict.Policy.Version",
                    "The policy still has versions other than the default: delete them first.");
        }
        call.state().removeCustomPolicy(name);
        return Json.object();
    }

    private static ObjectNode listPolicies(Call call) {
        String type = call.param("PolicyType");
        if (type != null) {
            RamRules.policyType(type);
        }
        call.authorize("ram:ListPolicies", Arns.policyResource(call.accountId(), "*"));
        CloudState state = call.state();
        List<ManagedPolicy> all = new ArrayList<>();
        if (type == null || ManagedPolicy.SYSTEM.equals(type)) {
            all.addAll(state.systemPolicies());
        }
        if (type == null || ManagedPolicy.CUSTOM.equals(type)) {
            all.addAll(state.customPolicies());
        }
        MarkerPage<ManagedPolicy> page = MarkerPage.of(all, call.param("Marker"), call.param("MaxItems"),
                p -> p.type() + ":" + p.name());
        return page.body("Policies", "Policy", (json, p) -> writePolicy(json, state, p));
    }

    private static ObjectNode createPolicyVersion(Call call) {
        String name = call.required("PolicyName");
        String document = call.required("PolicyDocument");
        boolean setAsDefault = RamRules.bool("SetAsDefault", call.param("SetAsDefault"));
        String rotate = call.param("RotateStrategy");
        if (rotate != null && !"None".equals(rotate) && !ROTATE.equals(rotate)) {
            throw ApiException.invalidParameter("InvalidParameter.RotateStrategy",
                    "The parameter RotateStrategy must be \"None\" or \"" + ROTATE + "\": \"" + rotate + "\".");
        }
        call.authorize("ram:CreatePolicyVersion", Arns.policyResource(call.accountId(), name));
        RamRules.permissionPolicy("PolicyDocument", document);
        ManagedPolicy policy = existing(call, ManagedPolicy.CUSTOM, name);
        if (policy.versions().size() >= RamRules.MAX_VERSIONS) {
            if (!ROTATE.equals(rotate)) {
                throw new ApiException(409, "LimitExceeded.Policy.Version", "Exceeded the maximum number of "
                        + RamRules.MAX_VERSIONS + " versions of policy " + name
                        + ": delete a version, or set RotateStrategy=" + ROTATE + ".");
            }
            policy.oldestNonDefaultVersion().ifPresent(v -> policy.removeVersion(v.id(), call.now()));
        }
        PolicyVersion version = policy.addVersion(document, call.now());
        if (setAsDefault) {
            policy.setDefaultVersion(version.id(), call.now());
        }
        ObjectNode body = Json.object();
        writeVersion(body.putObject("PolicyVersion"), policy, version);
        return body;
    }

    private static ObjectNode getPolicyVersion(Call call) {
        String type = RamRules.policyType(call.required("PolicyType"));
        String name = call.required("PolicyName");
        String versionId = call.required("VersionId");
        call.authorize("ram:GetPolicyVersion", Arns.policyResource(call.accountId(), name));
        ManagedPolicy policy = existing(call, type, name);
        ObjectNode body = Json.object();
        writeVersion(body.putObject("PolicyVersion"), policy, existingVersion(policy, versionId));
        return body;
    }

    private static ObjectNode listPolicyVersions(Call call) {
        String type = RamRules.policyType(call.required("PolicyType"));
        String name = call.required("PolicyName");
        call.authorize("ram:ListPolicyVersions", Arns.policyResource(call.accountId(), name));
        ManagedPolicy policy = existing(call, type, name);
        List<ObjectNode> versions = policy.versions().stream().map(v -> {
            ObjectNode json = Json.object();
            writeVersion(json, policy, v);
            return json;
        }).collect(Collectors.toList());
        ObjectNode body = Json.object();
        body.set("PolicyVersions", Json.wrappedList("PolicyVersion", versions));
        return body;
    }

    private static ObjectNode setDefaultPolicyVersion(Call call) {
        String name = call.required("PolicyName");
        String versionId = call.required("VersionId");
        call.authorize("ram:SetDefaultPolicyVersion", Arns.policyResource(call.accountId(), name));
        ManagedPolicy policy = existing(call, ManagedPolicy.CUSTOM, name);
        policy.setDefaultVersion(existingVersion(policy, versionId).id(), call.now());
        return Json.object();
    }

    private static ObjectNode deletePolicyVersion(Call call) {
        String name = call.required("PolicyName");
        String versionId = call.required("VersionId");
        call.authorize("ram:DeletePolicyVersion", Arns.policyResource(call.accountId(), name));
        ManagedPolicy policy = existing(call, ManagedPolicy.CUSTOM, name);
        existingVersion(policy, versionId);
        if (versionId.equals(policy.defaultVersionId())) {
            throw new ApiException(409, "DeleteConflict.Policy.Version.Default",
                    "The default version of a policy cannot be deleted: set another version as default first.");
        }
        policy.removeVersion(versionId, call.now());
        return Json.object();
    }

    static ManagedPolicy existing(Call call, String type, String name) {
        return call.state().policy(type, name).orElseThrow(() -> new ApiException(404, "EntityNotExist.Policy",
                "The policy not exists: " + type + " policy " + name + "."));
    }

    private static PolicyVersion existingVersion(ManagedPolicy policy, String versionId) {
        return policy.version(versionId).orElseThrow(() -> new ApiException(404, "EntityNotExist.Policy.Version",
                "The policy version not exists: " + versionId + " of policy " + policy.name() + "."));
    }

    /** The fields every answer describing a policy starts with. */
    static void writeSummary(ObjectNode json, ManagedPolicy policy) {
        json.put("PolicyName", policy.name());
        json.put("PolicyType", policy.type());
        json.put("Description", policy.description());
        json.put("DefaultVersion", policy.defaultVersionId());
    }

    private static void writePolicy(ObjectNode json, CloudState state, ManagedPolicy policy) {
        writeSummary(json, policy);
        json.put("AttachmentCount", state.attachmentsOfPolicy(policy.type(), policy.name()).size());
        json.put("CreateDate", Times.iso(policy.createDate()));
        json.put("UpdateDate", Times.iso(policy.updateDate()));
    }

    private static void writeVersion(ObjectNode json, ManagedPolicy policy, PolicyVersion version) {
        json.put("VersionId", version.id());
        json.put("IsDefaultVersion", version.id().equals(policy.defaultVersionId()));
        json.put("PolicyDocument", version.document());
        json.put("CreateDate", Times.iso(version.createDate()));
    }
}
