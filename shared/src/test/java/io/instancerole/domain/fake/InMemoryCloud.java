package io.instancerole.domain.fake;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.AttachedPolicy;
import io.instancerole.domain.port.CallerIdentity;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudInstance;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.CloudSession;
import io.instancerole.domain.port.CloudSessions;
import io.instancerole.domain.port.CloudUser;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.RamResourceType;
import io.instancerole.domain.port.StsPort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An in-memory RAM, ECS and STS behind the domain's ports, for unit tests of the services. It
 * behaves like the cloud where the services rely on it (case-insensitive names, RAM's error codes,
 * the 5-version limit and rotation, delete conflicts, one role per instance, VPC only, per-instance
 * batch results, at most 100 ids per ECS call), counts every call per action, and fails calls on
 * request: a whole call ({@link #failNext}), one instance inside a batch ({@link #failInstance}),
 * or a role ECS does not see yet ({@link #hideRoleFromEcs}). Thread-safe.
 */
public final class InMemoryCloud implements CloudSessions {
    public static final String ACCOUNT_ID = "1234567890123456";
    public static final String DEFAULT_REGION = "cn-hangzhou";
    /** ECS documents no code for a second attach; this fake's choice, as the emulator makes its own. */
    public static final String INSTANCE_ALREADY_HAS_ROLE = "InvalidInstance.RamRoleAlreadyAttached";
    /** Detach from an instance without a role; invented, as above. */
    public static final String INSTANCE_HAS_NO_ROLE = "InvalidInstance.NoRamRole";
    /** Detach naming a role other than the bound one; invented, as above. */
    public static final String ROLE_MISMATCH = "InvalidRamRole.NotAttachedToInstance";
    public static final int MAX_POLICY_VERSIONS = 5;
    /** RAM's default limit of custom policies attached to one role or user. */
    public static final int MAX_CUSTOM_ATTACHED = 5;

    private static final String ECS_SERVICE = "ecs.aliyuncs.com";
    /** ECS refuses AttachInstanceRamRole for other statuses (Pending, Starting, Stopping) with IncorrectInstanceStatus. */
    private static final Set<String> ATTACHABLE_STATUSES = Set.of("Running", "Stopped");
    private static final String CREATE_DATE = "2024-01-01T00:00:00Z";

    private final Map<String, FakeRole> roles = new LinkedHashMap<>();
    private final Map<String, FakePolicy> policies = new LinkedHashMap<>();
    private final Map<String, CloudUser> users = new LinkedHashMap<>();
    private final Map<String, Map<String, AttachedPolicy>> attachments = new HashMap<>();
    private final Map<String, FakeInstance> instances = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Deque<Optional<CloudException>>> scriptedCallFailures = new HashMap<>();
    private final Map<String, Map<String, Deque<String>>> scriptedInstanceFailures = new HashMap<>();
    private final Map<String, Integer> hiddenFromEcs = new HashMap<>();
    private int sequence;

    public InMemoryCloud() {
        systemPolicy("AdministratorAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        systemPolicy("AliyunECSFullAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"}]}");
        systemPolicy("AliyunECSReadOnlyAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecs:Describe*\",\"ecs:List*\"],\"Resource\":\"*\"}]}");
        systemPolicy("AliyunOSSFullAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}]}");
        systemPolicy("AliyunOSSReadOnlyAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:Get*\",\"oss:List*\"],\"Resource\":\"*\"}]}");
        systemPolicy("AliyunRAMFullAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:*\",\"Resource\":\"*\"}]}");
        systemPolicy("AliyunSTSAssumeRoleAccess", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
    }

    // ---------------------------------------------------------------- fixtures

    /** A role trusted by ECS, as createRole makes it. */
    public InMemoryCloud addRole(String name) {
        return addRole(name, "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\""
                + ECS_SERVICE + "\"]}}],\"Version\":\"1\"}");
    }

    public synchronized InMemoryCloud addRole(String name, String trustPolicy) {
        storeRole(name, trustPolicy, "", 3600);
        return this;
    }

    public synchronized InMemoryCloud addRole(String name, String trustPolicy, String description, int maxSessionDuration) {
        storeRole(name, trustPolicy, description, maxSessionDuration);
        return this;
    }

    public synchronized InMemoryCloud addUser(String name) {
        users.put(fold(name), new CloudUser(name, "2" + (100000 + ++sequence)));
        return this;
    }

    public synchronized InMemoryCloud addCustomPolicy(String name, String document) {
        FakePolicy policy = new FakePolicy(name, PolicyType.Custom, "");
        policy.add(document, true);
        policies.put(key(PolicyType.Custom, name), policy);
        return this;
    }

    /** Adds (or overwrites) tags on a role, as RAM's TagResources does. */
    public synchronized InMemoryCloud tagRole(String roleName, Map<String, String> tags) {
        roles.get(fold(roleName)).tags.putAll(tags);
        return this;
    }

    public synchronized InMemoryCloud tagPolicy(String policyName, Map<String, String> tags) {
        policies.get(key(PolicyType.Custom, policyName)).tags.putAll(tags);
        return this;
    }

    public synchronized Map<String, String> roleTags(String roleName) {
        return Map.copyOf(roles.get(fold(roleName)).tags);
    }

    public synchronized Map<String, String> policyTags(String policyName) {
        return Map.copyOf(policies.get(key(PolicyType.Custom, policyName)).tags);
    }

    public synchronized InMemoryCloud attachToRole(String policyName, PolicyType type, String roleName) {
        attachmentsOf("Role", roleName).put(key(type, policyName), new AttachedPolicy(policies.get(key(type, policyName)).name, type));
        return this;
    }

    public synchronized InMemoryCloud attachToUser(String policyName, PolicyType type, String userName) {
        attachmentsOf("User", userName).put(key(type, policyName), new AttachedPolicy(policies.get(key(type, policyName)).name, type));
        return this;
    }

    /** A VPC instance in {@value #DEFAULT_REGION} tagged {@code team=<team>}. */
    public InMemoryCloud addInstance(String instanceId, String team) {
        return addInstance(DEFAULT_REGION, instanceId, "vpc", Map.of("team", team));
    }

    public synchronized InMemoryCloud addInstance(String regionId, String instanceId, String networkType, Map<String, String> tags) {
        instances.put(instanceId, new FakeInstance(instanceId, regionId, networkType, tags));
        return this;
    }

    /** An instance is Running when added; ECS attaches roles only to Running or Stopped ones. */
    public synchronized InMemoryCloud setInstanceStatus(String instanceId, String status) {
        instances.get(instanceId).status = status;
        return this;
    }

    public synchronized InMemoryCloud bindInstance(String instanceId, String roleName) {
        instances.get(instanceId).role = roles.get(fold(roleName)).name;
        return this;
    }

    // ---------------------------------------------------------------- scripted failures

    /** The next {@code times} calls of {@code action} fail as a whole with {@code code}. */
    public synchronized InMemoryCloud failNext(String action, CloudException.Kind kind, String code, int times) {
        Deque<Optional<CloudException>> queue = scriptedCallFailures.computeIfAbsent(action, a -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(Optional.of(new CloudException(kind, action, code, statusOf(kind), null, "scripted failure of " + action)));
        }
        return this;
    }

    /** The {@code nth} call of {@code action} from now (1 = the next) fails as a whole; the ones before it succeed. */
    public synchronized InMemoryCloud failNth(String action, int nth, CloudException.Kind kind, String code) {
        Deque<Optional<CloudException>> queue = scriptedCallFailures.computeIfAbsent(action, a -> new ArrayDeque<>());
        for (int i = 1; i < nth; i++) {
            queue.add(Optional.empty());
        }
        return failNext(action, kind, code, 1);
    }

    public InMemoryCloud failNext(String action, CloudException.Kind kind, String code) {
        return failNext(action, kind, code, 1);
    }

    /** In the next {@code times} batch calls of {@code action} naming {@code instanceId}, that instance fails with {@code code}. */
    public synchronized InMemoryCloud failInstance(String action, String instanceId, String code, int times) {
        Deque<String> queue = scriptedInstanceFailures.computeIfAbsent(action, a -> new HashMap<>())
                .computeIfAbsent(instanceId, i -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(code);
        }
        return this;
    }

    /** ECS answers the next {@code attachCalls} attaches of this role with InvalidRamRole.NotFound, as just after CreateRole. */
    public synchronized InMemoryCloud hideRoleFromEcs(String roleName, int attachCalls) {
        hiddenFromEcs.put(fold(roleName), attachCalls);
        return this;
    }

    // ---------------------------------------------------------------- inspection

    public synchronized int calls(String action) {
        return (int) calls.stream().filter(action::equals).count();
    }

    /** Calls that change state (Create/Update/Delete/Attach/Detach/Set), failed ones included. */
    public synchronized int mutatingCalls() {
        return (int) calls.stream().filter(InMemoryCloud::isMutating).count();
    }

    public synchronized List<String> callLog() {
        return List.copyOf(calls);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    public synchronized Optional<CloudRole> role(String name) {
        return Optional.ofNullable(roles.get(fold(name))).map(FakeRole::view);
    }

    /** The role bound to the instance, or empty. */
    public synchronized Optional<String> instanceRole(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId).role);
    }

    public synchronized boolean policyExists(String name, PolicyType type) {
        return policies.containsKey(key(type, name));
    }

    public synchronized List<CloudPolicyVersion> policyVersions(String name) {
        return policies.get(key(PolicyType.Custom, name)).versions();
    }

    public synchronized String defaultDocument(String name) {
        FakePolicy policy = policies.get(key(PolicyType.Custom, name));
        return policy.versions.get(policy.defaultVersion);
    }

    public synchronized List<String> rolePolicies(String roleName) {
        return names(attachmentsOf("Role", roleName).values());
    }

    public synchronized List<String> userPolicies(String userName) {
        return names(attachmentsOf("User", userName).values());
    }

    // ---------------------------------------------------------------- the ports

    @Override
    public CloudSession open(Caller caller) {
        List<String> requestIds = Collections.synchronizedList(new ArrayList<>());
        StsPort sts = () -> {
            call("GetCallerIdentity", requestIds);
            return new CallerIdentity(ACCOUNT_ID, "acs:ram::" + ACCOUNT_ID + ":root", "Account");
        };
        return new CloudSession(new Ram(requestIds), new Ecs(requestIds), sts, () -> List.copyOf(requestIds));
    }

    private final class Ram implements RamPort {
        private final List<String> requestIds;

        Ram(List<String> requestIds) {
            this.requestIds = requestIds;
        }

        @Override
        public Optional<CloudRole> getRole(RoleName name) {
            synchronized (InMemoryCloud.this) {
                call("GetRole", requestIds);
                return role(name.value());
            }
        }

        @Override
        public CloudRole createRole(RoleName name, String trustPolicyDocument, String description, Integer maxSessionDuration,
                Map<String, String> tags) {
            synchronized (InMemoryCloud.this) {
                String action = "CreateRole";
                call(action, requestIds);
                if (roles.containsKey(name.folded())) {
                    throw conflict(action, "EntityAlreadyExists.Role", "The role does already EXIST.");
                }
                FakeRole role = storeRole(name.value(), trustPolicyDocument, description == null ? "" : description,
                        maxSessionDuration == null ? 3600 : maxSessionDuration);
                role.tags.putAll(tags);
                return role.view();
            }
        }

        @Override
        public CloudRole updateRole(RoleName name, String newDescription, Integer newMaxSessionDuration) {
            synchronized (InMemoryCloud.this) {
                FakeRole role = existingRole("UpdateRole", name.value());
                if (newDescription != null) {
                    role.description = newDescription;
                }
                if (newMaxSessionDuration != null) {
                    role.maxSessionDuration = newMaxSessionDuration;
                }
                return role.view();
            }
        }

        @Override
        public Optional<CloudPolicy> getPolicy(PolicyName name, PolicyType type) {
            synchronized (InMemoryCloud.this) {
                call("GetPolicy", requestIds);
                return Optional.ofNullable(policies.get(key(type, name.value()))).map(FakePolicy::view);
            }
        }

        @Override
        public CloudPolicy createPolicy(PolicyName name, String document, String description, Map<String, String> tags) {
            synchronized (InMemoryCloud.this) {
                String action = "CreatePolicy";
                call(action, requestIds);
                if (policies.containsKey(key(PolicyType.Custom, name.value()))) {
                    throw conflict(action, "EntityAlreadyExists.Policy", "The policy already exists.");
                }
                FakePolicy policy = new FakePolicy(name.value(), PolicyType.Custom, description == null ? "" : description);
                policy.add(document, true);
                policy.tags.putAll(tags);
                policies.put(key(PolicyType.Custom, name.value()), policy);
                return policy.view();
            }
        }

        @Override
        public String createPolicyVersion(PolicyName name, String document, boolean setAsDefault, boolean rotate) {
            synchronized (InMemoryCloud.this) {
                String action = "CreatePolicyVersion";
                FakePolicy policy = existingPolicy(action, name.value());
                if (policy.versions.size() >= MAX_POLICY_VERSIONS) {
                    if (!rotate) {
                        throw conflict(action, "LimitExceeded.Policy.Version", "The policy has " + MAX_POLICY_VERSIONS + " versions.");
                    }
                    policy.versions.keySet().stream().filter(v -> v != policy.defaultVersion).findFirst()
                            .ifPresent(policy.versions::remove);
                }
                return "v" + policy.add(document, setAsDefault);
            }
        }

        @Override
        public void deletePolicy(PolicyName name) {
            synchronized (InMemoryCloud.this) {
                String action = "DeletePolicy";
                FakePolicy policy = existingPolicy(action, name.value());
                for (Map.Entry<String, Map<String, AttachedPolicy>> principal : attachments.entrySet()) {
                    if (principal.getValue().containsKey(key(PolicyType.Custom, name.value()))) {
                        throw conflict(action, "DeleteConflict.Policy." + principal.getKey().split(":")[0], "The policy is still attached.");
                    }
                }
                if (policy.versions.size() > 1) {
                    throw conflict(action, "DeleteConflict.Policy.Version", "The policy has non-default versions.");
                }
                policies.remove(key(PolicyType.Custom, name.value()));
            }
        }

        @Override
        public List<CloudPolicyVersion> listPolicyVersions(PolicyName name) {
            synchronized (InMemoryCloud.this) {
                return existingPolicy("ListPolicyVersions", name.value()).versions();
            }
        }

        @Override
        public void deletePolicyVersion(PolicyName name, String versionId) {
            synchronized (InMemoryCloud.this) {
                String action = "DeletePolicyVersion";
                FakePolicy policy = existingPolicy(action, name.value());
                int version = Integer.parseInt(versionId.substring(1));
                if (version == policy.defaultVersion) {
                    throw conflict(action, "DeleteConflict.Policy.Version.Default", "The default version cannot be deleted.");
                }
                if (policy.versions.remove(version) == null) {
                    throw notFound(action, "EntityNotExist.Policy.Version", "The policy version does not exist.");
                }
            }
        }

        @Override
        public List<AttachedPolicy> listPoliciesForRole(RoleName role) {
            synchronized (InMemoryCloud.this) {
                existingRole("ListPoliciesForRole", role.value());
                return List.copyOf(attachmentsOf("Role", role.value()).values());
            }
        }

        @Override
        public void attachPolicyToRole(PolicyName policy, PolicyType type, RoleName role) {
            synchronized (InMemoryCloud.this) {
                String action = "AttachPolicyToRole";
                existingRole(action, role.value());
                attach(action, "Role", role.value(), policy, type, "EntityAlreadyExists.Role.Policy");
            }
        }

        @Override
        public List<AttachedPolicy> listPoliciesForUser(UserName user) {
            synchronized (InMemoryCloud.this) {
                existingUser("ListPoliciesForUser", user.value());
                return List.copyOf(attachmentsOf("User", user.value()).values());
            }
        }

        @Override
        public void attachPolicyToUser(PolicyName policy, PolicyType type, UserName user) {
            synchronized (InMemoryCloud.this) {
                String action = "AttachPolicyToUser";
                existingUser(action, user.value());
                attach(action, "User", user.value(), policy, type, "EntityAlreadyExists.User.Policy");
            }
        }

        @Override
        public void detachPolicyFromUser(PolicyName policy, PolicyType type, UserName user) {
            synchronized (InMemoryCloud.this) {
                String action = "DetachPolicyFromUser";
                existingUser(action, user.value());
                if (attachmentsOf("User", user.value()).remove(key(type, policy.value())) == null) {
                    throw notFound(action, "EntityNotExist.User.Policy", "The policy is not attached to the user.");
                }
            }
        }

        @Override
        public Optional<CloudUser> getUser(UserName name) {
            synchronized (InMemoryCloud.this) {
                call("GetUser", requestIds);
                return Optional.ofNullable(users.get(name.folded()));
            }
        }

        @Override
        public List<CloudRole> listRoles() {
            synchronized (InMemoryCloud.this) {
                call("ListRoles", requestIds);
                return roles.values().stream().map(FakeRole::view).collect(Collectors.toList());
            }
        }

        @Override
        public List<CloudPolicy> listCustomPolicies() {
            synchronized (InMemoryCloud.this) {
                call("ListPolicies", requestIds);
                return policies.values().stream().filter(p -> p.type == PolicyType.Custom).map(FakePolicy::view)
                        .collect(Collectors.toList());
            }
        }

        @Override
        public Map<String, Map<String, String>> listTags(RamResourceType type, List<String> names, String withKey) {
            synchronized (InMemoryCloud.this) {
                call("ListTagResources", requestIds);
                Map<String, Map<String, String>> all = new LinkedHashMap<>();
                if (type == RamResourceType.ROLE) {
                    roles.values().forEach(r -> all.put(r.name, r.tags));
                } else {
                    policies.values().stream().filter(p -> p.type == PolicyType.Custom).forEach(p -> all.put(p.name, p.tags));
                }
                Map<String, Map<String, String>> found = new LinkedHashMap<>();
                all.forEach((name, tags) -> {
                    boolean named = names.isEmpty() || names.stream().anyMatch(name::equalsIgnoreCase);
                    if (named && !tags.isEmpty() && (withKey == null || tags.containsKey(withKey))) {
                        found.put(name, Map.copyOf(tags));
                    }
                });
                return found;
            }
        }

        private void attach(String action, String principalType, String principal, PolicyName policy, PolicyType type, String alreadyCode) {
            FakePolicy stored = policies.get(key(type, policy.value()));
            if (stored == null) {
                throw notFound(action, "EntityNotExist.Policy", "The policy does not exist: " + policy);
            }
            Map<String, AttachedPolicy> attached = attachmentsOf(principalType, principal);
            if (attached.containsKey(key(type, policy.value()))) {
                throw conflict(action, alreadyCode, "The policy is already attached.");
            }
            if (type == PolicyType.Custom && attached.values().stream().filter(p -> p.policyType() == type).count() >= MAX_CUSTOM_ATTACHED) {
                throw conflict(action, "LimitExceeded." + principalType + ".Policy", "At most " + MAX_CUSTOM_ATTACHED + " custom policies.");
            }
            attached.put(key(type, policy.value()), new AttachedPolicy(stored.name, type));
        }

        private FakeRole existingRole(String action, String name) {
            call(action, requestIds);
            FakeRole role = roles.get(fold(name));
            if (role == null) {
                throw notFound(action, "EntityNotExist.Role", "The role does not exist: " + name);
            }
            return role;
        }

        private FakePolicy existingPolicy(String action, String name) {
            call(action, requestIds);
            FakePolicy policy = policies.get(key(PolicyType.Custom, name));
            if (policy == null) {
                throw notFound(action, "EntityNotExist.Policy", "The policy does not exist: " + name);
            }
            return policy;
        }

        private void existingUser(String action, String name) {
            call(action, requestIds);
            if (!users.containsKey(fold(name))) {
                throw notFound(action, "EntityNotExist.User", "The user does not exist: " + name);
            }
        }
    }

    private final class Ecs implements EcsPort {
        private final List<String> requestIds;

        Ecs(List<String> requestIds) {
            this.requestIds = requestIds;
        }

        @Override
        public List<CloudInstance> describeInstances(RegionId region, List<InstanceId> ids) {
            synchronized (InMemoryCloud.this) {
                call("DescribeInstances", requestIds);
                checkIds("DescribeInstances", ids);
                return ids.stream().map(id -> instanceIn(region, id)).filter(i -> i != null)
                        .map(FakeInstance::view).collect(Collectors.toList());
            }
        }

        @Override
        public Map<InstanceId, Optional<RoleName>> describeInstanceRamRoles(RegionId region, List<InstanceId> ids) {
            synchronized (InMemoryCloud.this) {
                call("DescribeInstanceRamRole", requestIds);
                checkIds("DescribeInstanceRamRole", ids);
                Map<InstanceId, Optional<RoleName>> bound = new LinkedHashMap<>();
                for (InstanceId id : ids) {
                    FakeInstance instance = instanceIn(region, id);
                    if (instance != null) {
                        bound.put(id, Optional.ofNullable(instance.role).map(RoleName::of));
                    }
                }
                return bound;
            }
        }

        @Override
        public List<CloudInstance> listInstances(RegionId region, Map<String, String> tags) {
            synchronized (InMemoryCloud.this) {
                call("DescribeInstances", requestIds);
                return instances.values().stream()
                        .filter(i -> i.regionId.equals(region.value()) && i.tags.entrySet().containsAll(tags.entrySet()))
                        .map(FakeInstance::view).collect(Collectors.toList());
            }
        }

        @Override
        public List<InstanceId> listInstancesWithRole(RegionId region, RoleName role) {
            synchronized (InMemoryCloud.this) {
                call("DescribeInstanceRamRole", requestIds);
                return instances.values().stream()
                        .filter(i -> i.regionId.equals(region.value()) && i.role != null && RoleName.of(i.role).equals(role))
                        .map(i -> InstanceId.of(i.id)).collect(Collectors.toList());
            }
        }

        @Override
        public List<InstanceOutcome> attachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids, String policy) {
            synchronized (InMemoryCloud.this) {
                String action = "AttachInstanceRamRole";
                call(action, requestIds);
                checkIds(action, ids);
                Integer hidden = hiddenFromEcs.get(role.folded());
                if (hidden != null && hidden > 0) {
                    hiddenFromEcs.put(role.folded(), hidden - 1);
                    throw notFound(action, "InvalidRamRole.NotFound", "The specified RAMRoleName does not exist.");
                }
                FakeRole stored = roles.get(role.folded());
                if (stored == null) {
                    throw notFound(action, "InvalidRamRole.NotFound", "The specified RAMRoleName does not exist.");
                }
                if (!stored.trust.contains(ECS_SERVICE)) {
                    throw new CloudException(CloudException.Kind.INVALID, action, "InvalidRamRole.NotEcsRole", 404, nextRequestId(),
                            "The specified ram role is not authorized for ecs, please check your role policy.");
                }
                List<InstanceOutcome> outcomes = new ArrayList<>();
                for (InstanceId id : ids) {
                    FakeInstance instance = instanceIn(region, id);
                    String scripted = scriptedInstanceFailure(action, id);
                    if (scripted != null) {
                        outcomes.add(InstanceOutcome.failure(id, scripted, "scripted failure of " + id));
                    } else if (instance == null) {
                        outcomes.add(InstanceOutcome.failure(id, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist."));
                    } else if (!"vpc".equals(instance.networkType)) {
                        outcomes.add(InstanceOutcome.failure(id, "InvalidNetworkType.MismatchRamRole",
                                "Ram role cannot be applied to instances of Classic network type."));
                    } else if (!ATTACHABLE_STATUSES.contains(instance.status)) {
                        outcomes.add(InstanceOutcome.failure(id, "IncorrectInstanceStatus",
                                "The current status of the resource does not support this operation."));
                    } else if (instance.role != null) {
                        outcomes.add(InstanceOutcome.failure(id, INSTANCE_ALREADY_HAS_ROLE, "The instance already has a RAM role."));
                    } else {
                        instance.role = stored.name;
                        outcomes.add(InstanceOutcome.success(id));
                    }
                }
                return outcomes;
            }
        }

        @Override
        public List<InstanceOutcome> detachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids) {
            synchronized (InMemoryCloud.this) {
                String action = "DetachInstanceRamRole";
                call(action, requestIds);
                checkIds(action, ids);
                List<InstanceOutcome> outcomes = new ArrayList<>();
                for (InstanceId id : ids) {
                    FakeInstance instance = instanceIn(region, id);
                    String scripted = scriptedInstanceFailure(action, id);
                    if (scripted != null) {
                        outcomes.add(InstanceOutcome.failure(id, scripted, "scripted failure of " + id));
                    } else if (instance == null) {
                        outcomes.add(InstanceOutcome.failure(id, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist."));
                    } else if (instance.role == null) {
                        outcomes.add(InstanceOutcome.failure(id, INSTANCE_HAS_NO_ROLE, "The instance has no RAM role."));
                    } else if (role != null && !role.value().equalsIgnoreCase(instance.role)) {
                        outcomes.add(InstanceOutcome.failure(id, ROLE_MISMATCH, "The instance has another RAM role."));
                    } else {
                        instance.role = null;
                        outcomes.add(InstanceOutcome.success(id));
                    }
                }
                return outcomes;
            }
        }

        private void checkIds(String action, List<InstanceId> ids) {
            if (ids.isEmpty() || ids.size() > MAX_IDS_PER_CALL) {
                throw new IllegalArgumentException(action + " takes 1-" + MAX_IDS_PER_CALL + " ids, got " + ids.size());
            }
        }

        private FakeInstance instanceIn(RegionId region, InstanceId id) {
            FakeInstance instance = instances.get(id.value());
            return instance != null && instance.regionId.equals(region.value()) ? instance : null;
        }

        private String scriptedInstanceFailure(String action, InstanceId id) {
            Deque<String> queue = scriptedInstanceFailures.getOrDefault(action, Map.of()).get(id.value());
            return queue == null ? null : queue.poll();
        }
    }

    // ---------------------------------------------------------------- internals

    /** Logs the call, gives it a request id, and throws a scripted failure if one is due. */
    private synchronized void call(String action, List<String> requestIds) {
        calls.add(action);
        String requestId = nextRequestId();
        requestIds.add(requestId);
        Deque<Optional<CloudException>> failures = scriptedCallFailures.get(action);
        Optional<CloudException> scripted = failures == null ? null : failures.poll();
        CloudException failure = scripted == null ? null : scripted.orElse(null);
        if (failure != null) {
            throw new CloudException(failure.kind(), action, failure.code(), failure.httpStatus(), requestId, failure.getMessage());
        }
    }

    private String nextRequestId() {
        return "fake-request-" + ++sequence;
    }

    private FakeRole storeRole(String name, String trust, String description, int maxSessionDuration) {
        FakeRole role = new FakeRole(name, "3" + (100000 + ++sequence), trust, description, maxSessionDuration);
        roles.put(fold(name), role);
        return role;
    }

    private void systemPolicy(String name, String document) {
        FakePolicy policy = new FakePolicy(name, PolicyType.System, "");
        policy.add(document, true);
        policies.put(key(PolicyType.System, name), policy);
    }

    private Map<String, AttachedPolicy> attachmentsOf(String principalType, String principal) {
        return attachments.computeIfAbsent(principalType + ":" + fold(principal), k -> new LinkedHashMap<>());
    }

    private static List<String> names(Iterable<AttachedPolicy> attached) {
        List<String> names = new ArrayList<>();
        attached.forEach(p -> names.add(p.policyType() + ":" + p.policyName()));
        return names;
    }

    private static boolean isMutating(String action) {
        return action.startsWith("Create") || action.startsWith("Update") || action.startsWith("Delete")
                || action.startsWith("Attach") || action.startsWith("Detach") || action.startsWith("Set");
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String key(PolicyType type, String name) {
        return type + ":" + fold(name);
    }

    private static int statusOf(CloudException.Kind kind) {
        switch (kind) {
            case THROTTLED:
                return 400;
            case UNAVAILABLE:
                return 503;
            case DENIED:
                return 403;
            case NOT_FOUND:
                return 404;
            case CONFLICT:
                return 409;
            default:
                return 400;
        }
    }

    private CloudException notFound(String action, String code, String message) {
        return new CloudException(CloudException.Kind.NOT_FOUND, action, code, 404, nextRequestId(), message);
    }

    private CloudException conflict(String action, String code, String message) {
        return new CloudException(CloudException.Kind.CONFLICT, action, code, 409, nextRequestId(), message);
    }

    private static final class FakeRole {
        final String name;
        final String id;
        final String trust;
        final Map<String, String> tags = new LinkedHashMap<>();
        String description;
        int maxSessionDuration;

        FakeRole(String name, String id, String trust, String description, int maxSessionDuration) {
            this.name = name;
            this.id = id;
            this.trust = trust;
            this.description = description;
            this.maxSessionDuration = maxSessionDuration;
        }

        CloudRole view() {
            return new CloudRole(name, id, "acs:ram::" + ACCOUNT_ID + ":role/" + fold(name), description, maxSessionDuration, trust, CREATE_DATE);
        }
    }

    private static final class FakePolicy {
        final String name;
        final PolicyType type;
        final String description;
        final TreeMap<Integer, String> versions = new TreeMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        int defaultVersion;
        int lastVersion;

        FakePolicy(String name, PolicyType type, String description) {
            this.name = name;
            this.type = type;
            this.description = description;
        }

        int add(String document, boolean setAsDefault) {
            versions.put(++lastVersion, document);
            if (setAsDefault) {
                defaultVersion = lastVersion;
            }
            return lastVersion;
        }

        CloudPolicy view() {
            return new CloudPolicy(name, type, description, "v" + defaultVersion, versions.get(defaultVersion));
        }

        List<CloudPolicyVersion> versions() {
            List<CloudPolicyVersion> list = new ArrayList<>();
            for (Map.Entry<Integer, String> version : versions.entrySet()) {
                list.add(new CloudPolicyVersion("v" + version.getKey(), version.getKey() == defaultVersion, version.getValue()));
            }
            return list;
        }
    }

    private static final class FakeInstance {
        final String id;
        final String regionId;
        final String networkType;
        final Map<String, String> tags;
        String status = "Running";
        String role;

        FakeInstance(String id, String regionId, String networkType, Map<String, String> tags) {
            this.id = id;
            this.regionId = regionId;
            this.networkType = networkType;
            this.tags = Map.copyOf(tags);
        }

        CloudInstance view() {
            return new CloudInstance(InstanceId.of(id), id + "-name", networkType, status, tags);
        }
    }
}
