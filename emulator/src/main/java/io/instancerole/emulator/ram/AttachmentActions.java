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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Attaching policies to roles and users, and listing them: one implementation for both principal types. */
final class AttachmentActions {
    private final String principalType;
    private final String nameParam;

    private AttachmentActions(String principalType) {
        this.principalType = principalType;
        this.nameParam = principalType + "Name";
    }

    static Map<String, Action> all() {
        AttachmentActions roles = new AttachmentActions(Attachment.ROLE);
        AttachmentActions users = new AttachmentActions(Attachment.USER);
        return Map.of(
                "AttachPolicyToRole", roles::attach,
                "DetachPolicyFromRole", roles::detach,
                "ListPoliciesForRole", roles::list,
                "AttachPolicyToUser", users::attach,
                "DetachPolicyFromUser", users::detach,
                "ListPoliciesForUser", users::list);
    }

    private ObjectNode attach(Call call) {
        String type = RamRules.policyType(call.required("PolicyType"));
        String policyName = call.required("PolicyName");
        String principal = checkedPrincipal(call, "ram:AttachPolicyTo" + principalType, type, policyName);
        CloudState state = call.state();
        List<Attachment> current = state.attachmentsOf(principalType, principal);
        if (current.stream().anyMatch(a -> a.isOf(type, policyName))) {
            throw new ApiException(409, "EntityAlreadyExists." + principalType + ".Policy", "The policy " + policyName
                    + " is already attached to " + principalType.toLowerCase() + " " + principal + ".");
        }
        long sameType = current.stream().filter(a -> a.policyType().equals(type)).count();
        int limit = ManagedPolicy.CUSTOM.equals(type)
                ? RamRules.MAX_CUSTOM_POLICIES_PER_PRINCIPAL : RamRules.MAX_SYSTEM_POLICIES_PER_PRINCIPAL;
        if (sameType >= limit) {
            throw new ApiException(409, "LimitExceeded." + principalType + ".Policy", "The count of " + type
                    + " policies attached to " + principal + " beyond the current limits: at most " + limit + ".");
        }
        state.addAttachment(new Attachment(type, policyName, principalType, principal, call.now()));
        return Json.object();
    }

    private ObjectNode detach(Call call) {
        String type = RamRules.policyType(call.required("PolicyType"));
        String policyName = call.required("PolicyName");
        String principal = checkedPrincipal(call, "ram:DetachPolicyFrom" + principalType, type, policyName);
        Attachment attachment = call.state().attachmentsOf(principalType, principal).stream()
                .filter(a -> a.isOf(type, policyName)).findFirst()
                // EntityNotExist.User.Policy is documented; the Role variant is the likeliest analogue (UNVERIFIED)
                .orElseThrow(() -> new ApiException(404, "EntityNotExist." + principalType + ".Policy",
                        "The policy " + policyName + " is not attached to " + principalType.toLowerCase() + " "
                                + principal + "."));
        call.state().removeAttachment(attachment);
        return Json.object();
    }

    /**
     * Attach/Detach: the principal's stored name, once {@code action} is allowed on both the principal and the
     * policy and both exist (EntityNotExist.Policy, then EntityNotExist.Role/User).
     */
    private String checkedPrincipal(Call call, String action, String policyType, String policyName) {
        String principalName = call.required(nameParam);
        call.authorize(action, principalResource(call, principalName));
        call.authorize(action, Arns.policyResource(call.accountId(), policyName));
        PolicyActions.existing(call, policyType, policyName);
        return existingPrincipal(call, principalName);
    }

    private ObjectNode list(Call call) {
        String principalName = call.required(nameParam);
        call.authorize("ram:ListPoliciesFor" + principalType, principalResource(call, principalName));
        String principal = existingPrincipal(call, principalName);
        List<ObjectNode> policies = new ArrayList<>();
        for (Attachment attachment : call.state().attachmentsOf(principalType, principal)) {
            call.state().policy(attachment.policyType(), attachment.policyName()).ifPresent(policy -> {
                ObjectNode json = Json.object();
                PolicyActions.writeSummary(json, policy);
                json.put("AttachDate", Times.iso(attachment.attachDate()));
                policies.add(json);
            });
        }
        ObjectNode body = Json.object();
        body.set("Policies", Json.wrappedList("Policy", policies));
        return body;
    }

    /** Before DeleteRole/DeleteUser: {@code DeleteConflict.<Role|User>.Policy} while any policy is attached. */
    static void requireNoPolicies(Call call, String principalType, String principalName) {
        if (!call.state().attachmentsOf(principalType, principalName).isEmpty()) {
            String kind = principalType.toLowerCase();
            throw new ApiException(409, "DeleteConflict." + principalType + ".Policy", "The " + kind
                    + " still has policies attached: detach them before deleting " + kind + " " + principalName + ".");
        }
    }

    private String principalResource(Call call, String name) {
        return Attachment.ROLE.equals(principalType)
                ? Arns.roleResource(call.accountId(), name) : Arns.userResource(call.accountId(), name);
    }

    /** The principal's stored name (its original case), or EntityNotExist.Role/User. */
    private String existingPrincipal(Call call, String name) {
        if (Attachment.ROLE.equals(principalType)) {
            return RoleActions.existing(call, name).name();
        }
        return UserActions.existing(call, name).name();
    }
}
