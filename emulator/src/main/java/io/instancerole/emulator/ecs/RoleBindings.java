package io.instancerole.emulator.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.core.Json;
import io.instancerole.policy.Decision;
import io.instancerole.policy.PolicyGrammar;
import io.instancerole.policy.TrustPolicyEvaluator;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.Instance;
import io.instancerole.emulator.state.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * AttachInstanceRamRole and DetachInstanceRamRole.
 *
 * <p>Chosen here: a call naming exactly one instance whose instance fails for a per-instance reason
 * answers with that error response (status and code); a call naming several answers 200 with a
 * result per instance and FailCount. Call-level problems (parameters, permissions, the role)
 * always fail the whole call.
 */
final class RoleBindings {
    /**
     * Invented here: the real service returns "an error" for a second role on an instance, with no
     * documented code (reference 3.2, UNVERIFIED). Re-attaching the role already bound succeeds.
     */
    static final String ROLE_ALREADY_ATTACHED = "InvalidParameter.RamRoleAlreadyAttached";
    /** Invented here: detaching from an instance that has no role, or another role than RamRoleName. */
    static final String ROLE_NOT_ATTACHED = "InvalidParameter.RamRoleNotAttached";
    /** Chosen here (undocumented): AttachInstanceRamRole's optional Policy is too long or malformed. */
    static final String INVALID_POLICY = "InvalidParameter.Policy";
    static final String ECS_SERVICE = "ecs.aliyuncs.com";
    private static final int MAX_POLICY_LENGTH = 1024;
    private static final Set<String> BINDABLE_STATUSES = Set.of("Running", "Stopped");

    private RoleBindings() {}

    static ObjectNode attach(Call call) {
        String region = EcsParams.required(call, "RegionId");
        String roleName = EcsParams.required(call, "RamRoleName");
        List<String> ids = EcsParams.requiredInstanceIds(call);
        String policy = call.param("Policy");
        if (policy != null) {
            checkPolicy(policy);
        }
        CloudState state = call.state();
        for (String id : ids) {
            call.authorize("ecs:AttachInstanceRamRole", instanceResource(call, region, id), tagContext(call, region, id));
        }
        String roleResource = Arns.roleResource(call.accountId(), roleName);
        Decision passRole = call.decide("ram:PassRole", roleResource, Map.of());
        if (!passRole.allowed()) {
            throw call.denial("InvalidUser.PassRoleForbidden",
                    "The RAM user does not have the privilege to pass a RAM role.", "ram:PassRole", roleResource,
                    passRole);
        }
        Role role = state.role(roleName).filter(r -> r.visibleToEcs(call.now())).orElseThrow(() ->
                new ApiException(404, "InvalidRamRole.NotFound", "The specified RAMRoleName does not exist: " + roleName + "."));
        if (!TrustPolicyEvaluator.trustsService(Json.parseOrNull(role.trustDocument()), ECS_SERVICE)) {
            throw new ApiException(404, "InvalidRamRole.NotEcsRole", "The specified ram role is not authorized for ecs, "
                    + "please check your role policy: the trust policy of " + role.name() + " does not let "
                    + ECS_SERVICE + " assume it.");
        }

        List<Outcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            outcomes.add(onInstance(call, region, id, instance -> attachOne(call, instance, role, policy)));
        }
        singleFailure(outcomes);
        ObjectNode body = Json.object();
        body.put("RamRoleName", role.name());
        List<ObjectNode> results = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            results.add(outcome.json());
        }
        writeCounts(body, outcomes);
        body.set("AttachInstanceRamRoleResults", Json.wrappedList("AttachInstanceRamRoleResult", results));
        return body;
    }

    private static Outcome attachOne(Call call, Instance instance, Role role, String policy) {
        String id = instance.id();
        if (Instance.CLASSIC.equals(instance.networkType())) {
            return Outcome.failed(id, new ApiException(403, "InvalidNetworkType.MismatchRamRole",
                    "Ram role cannot be applied to instances of Classic network type: " + id + "."));
        }
        if (!BINDABLE_STATUSES.contains(instance.status())) {
            return Outcome.failed(id, new ApiException(403, "IncorrectInstanceStatus",
                    "The current status of the resource does not support this operation: " + id + " is "
                            + instance.status() + ", it must be Running or Stopped."));
        }
        if (instance.ramRoleName() != null) {
            if (instance.ramRoleName().equalsIgnoreCase(role.name())) {
                return Outcome.succeeded(id, null);
            }
            return Outcome.failed(id, new ApiException(403, ROLE_ALREADY_ATTACHED, "The instance " + id
                    + " already has the RAM role " + instance.ramRoleName()
                    + "; an instance can have only one: detach it first."));
        }
        instance.bindRole(role.name(), policy);
        call.state().recordBinding(id);
        return Outcome.succeeded(id, null);
    }

    static ObjectNode detach(Call call) {
        String region = EcsParams.required(call, "RegionId");
        List<String> ids = EcsParams.requiredInstanceIds(call);
        String roleName = call.param("RamRoleName");
        for (String id : ids) {
            call.authorize("ecs:DetachInstanceRamRole", instanceResource(call, region, id), tagContext(call, region, id));
        }
        List<Outcome> outcomes = new ArrayList<>();
        String detachedRole = roleName;
        for (String id : ids) {
            Outcome outcome = onInstance(call, region, id, instance -> detachOne(instance, roleName));
            outcomes.add(outcome);
            if (detachedRole == null && outcome.roleName != null) {
                detachedRole = outcome.roleName;
            }
        }
        singleFailure(outcomes);
        ObjectNode body = Json.object();
        body.put("RamRoleName", detachedRole);
        writeCounts(body, outcomes);
        List<ObjectNode> results = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            ObjectNode json = outcome.json();
            List<ObjectNode> sets = outcome.roleName == null
                    ? List.of() : List.of(InstanceQueries.roleSet(outcome.instanceId, outcome.roleName));
            json.set("InstanceRamRoleSets", Json.wrappedList("InstanceRamRoleSet", sets));
            results.add(json);
        }
        body.set("DetachInstanceRamRoleResults", Json.wrappedList("DetachInstanceRamRoleResult", results));
        return body;
    }

    private static Outcome detachOne(Instance instance, String roleName) {
        String id = instance.id();
        String bound = instance.ramRoleName();
        if (bound == null) {
            return Outcome.failed(id, new ApiException(403, ROLE_NOT_ATTACHED,
                    "The instance " + id + " has no RAM role to detach."));
        }
        if (roleName != null && !roleName.equalsIgnoreCase(bound)) {
            return Outcome.failed(id, new ApiException(403, ROLE_NOT_ATTACHED, "The instance " + id
                    + " has the RAM role " + bound + ", not " + roleName + "."));
        }
        instance.unbindRole();
        return Outcome.succeeded(id, bound);
    }

    /** {@code work}'s outcome, unless a fault planted for this instance, or an unknown id, fails it first. */
    private static Outcome onInstance(Call call, String region, String id, Function<Instance, Outcome> work) {
        Optional<ApiException> fault = call.state().faults().takeInstanceFault(call.actionName(), id);
        if (fault.isPresent()) {
            return Outcome.failed(id, fault.get());
        }
        Optional<Instance> found = instance(call, region, id);
        if (found.isEmpty()) {
            return Outcome.failed(id, notFound(id));
        }
        return work.apply(found.get());
    }

    private static void checkPolicy(String policy) {
        if (policy.length() > MAX_POLICY_LENGTH) {
            throw new ApiException(400, INVALID_POLICY,
                    "The parameter Policy must be 1 to " + MAX_POLICY_LENGTH + " characters long (it has " + policy.length() + ").");
        }
        PolicyGrammar.checkPermissionPolicy(policy).ifPresent(reason -> {
            throw new ApiException(400, INVALID_POLICY, "The parameter Policy is not a valid policy document: " + reason);
        });
    }

    private static void singleFailure(List<Outcome> outcomes) {
        if (outcomes.size() == 1 && outcomes.get(0).error != null) {
            throw outcomes.get(0).error;
        }
    }

    private static void writeCounts(ObjectNode body, List<Outcome> outcomes) {
        body.put("TotalCount", outcomes.size());
        body.put("FailCount", outcomes.stream().filter(o -> o.error != null).count());
    }

    static Optional<Instance> instance(Call call, String region, String id) {
        return call.state().instance(id).filter(i -> i.regionId().equals(region));
    }

    static ApiException notFound(String id) {
        return new ApiException(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist: " + id + ".");
    }

    static String instanceResource(Call call, String region, String id) {
        return Arns.instanceResource(region, call.accountId(), id);
    }

    /**
     * The instance's tags as the condition keys ECS documents: {@code acs:ResourceTag/<key>} and the
     * older {@code ecs:tag/<key>}. Supplied for each instance of a batch, so a tag condition is
     * judged on every one of them.
     */
    static Map<String, List<String>> tagContext(Call call, String region, String id) {
        Map<String, List<String>> context = new HashMap<>();
        instance(call, region, id).ifPresent(i -> i.tags().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            context.put("acs:resourcetag/" + lower, List.of(value));
            context.put("ecs:tag/" + lower, List.of(value));
        }));
        return context;
    }

    /** One instance's result: success, or the error it would have answered alone. */
    private static final class Outcome {
        final String instanceId;
        final ApiException error;
        final String roleName;

        private Outcome(String instanceId, ApiException error, String roleName) {
            this.instanceId = instanceId;
            this.error = error;
            this.roleName = roleName;
        }

        static Outcome succeeded(String instanceId, String detachedRole) {
            return new Outcome(instanceId, null, detachedRole);
        }

        static Outcome failed(String instanceId, ApiException error) {
            return new Outcome(instanceId, error, null);
        }

        ObjectNode json() {
            ObjectNode json = Json.object();
            json.put("InstanceId", instanceId);
            json.put("Success", error == null);
            json.put("Code", error == null ? "200" : error.code());
            json.put("Message", error == null ? "success" : error.getMessage());
            return json;
        }
    }
}
