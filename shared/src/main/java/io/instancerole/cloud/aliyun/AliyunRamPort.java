package io.instancerole.cloud.aliyun;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleResponse;
import com.aliyuncs.ram.model.v20150501.DeletePolicyRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromUserRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesResponse;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsRequest;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleResponse;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import io.instancerole.domain.port.AttachedPolicy;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudPolicyVersion;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.CloudUser;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.RamResourceType;
import io.instancerole.domain.service.Json;
import io.instancerole.policy.PolicyJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** RAM through the V1 SDK's request classes. */
final class AliyunRamPort implements RamPort {
    /** RAM's default when a role was created without one (and what it reports then). */
    private static final int DEFAULT_MAX_SESSION_DURATION = 3600;
    private static final String ROTATE = "DeleteOldestNonDefaultVersionWhenLimitExceeded";
    /** RAM's largest page for ListRoles and ListPolicies. */
    static final int LIST_MAX_ITEMS = 1000;
    private static final String RAM_ENDPOINT = "ram.aliyuncs.com";
    private static final String RAM_VERSION = "2015-05-01";

    private final SessionCalls calls;

    AliyunRamPort(SessionCalls calls) {
        this.calls = calls;
    }

    @Override
    public Optional<CloudRole> getRole(RoleName name) {
        GetRoleRequest request = new GetRoleRequest();
        request.setRoleName(name.value());
        return absentOn("EntityNotExist.Role", () -> {
            GetRoleResponse.Role r = calls.call(request).getRole();
            return role(r.getRoleName(), r.getRoleId(), r.getArn(), r.getDescription(), r.getMaxSessionDuration(),
                    r.getAssumeRolePolicyDocument(), r.getCreateDate());
        });
    }

    @Override
    public CloudRole createRole(RoleName name, String trustPolicyDocument, String description, Integer maxSessionDuration,
            Map<String, String> tags) {
        CreateRoleRequest request = new CreateRoleRequest();
        putTags(request, tags);
        request.setRoleName(name.value());
        request.setAssumeRolePolicyDocument(trustPolicyDocument);
        request.setDescription(description);
        request.setMaxSessionDuration(maxSessionDuration == null ? null : maxSessionDuration.longValue());
        CreateRoleResponse.Role r = calls.call(request).getRole();
        return role(r.getRoleName(), r.getRoleId(), r.getArn(), r.getDescription(), r.getMaxSessionDuration(),
                r.getAssumeRolePolicyDocument(), r.getCreateDate());
    }

    @Override
    public CloudRole updateRole(RoleName name, String newDescription, Integer newMaxSessionDuration) {
        if (newDescription == null && newMaxSessionDuration == null) {
            throw new IllegalArgumentException("updateRole needs a new description or a new maxSessionDuration");
        }
        UpdateRoleRequest request = new UpdateRoleRequest();
        request.setRoleName(name.value());
        request.setNewDescription(newDescription);
        request.setNewMaxSessionDuration(newMaxSessionDuration == null ? null : newMaxSessionDuration.longValue());
        UpdateRoleResponse.Role r = calls.call(request).getRole();
        return role(r.getRoleName(), r.getRoleId(), r.getArn(), r.getDescription(), r.getMaxSessionDuration(),
                r.getAssumeRolePolicyDocument(), r.getCreateDate());
    }

    @Override
    public Optional<CloudPolicy> getPolicy(PolicyName name, PolicyType type) {
        GetPolicyRequest request = new GetPolicyRequest();
        request.setPolicyName(name.value());
        request.setPolicyType(type.name());
        return absentOn("EntityNotExist.Policy", () -> {
            GetPolicyResponse response = calls.call(request);
            GetPolicyResponse.Policy p = response.getPolicy();
            GetPolicyResponse.DefaultPolicyVersion version = response.getDefaultPolicyVersion();
            String document = version != null && version.getPolicyDocument() != null ? version.getPolicyDocument() : p.getPolicyDocument();
            return new CloudPolicy(p.getPolicyName(), policyType(p.getPolicyType()), p.getDescription(), p.getDefaultVersion(), document);
        });
    }

    @Override
    public CloudPolicy createPolicy(PolicyName name, String document, String description, Map<String, String> tags) {
        CreatePolicyRequest request = new CreatePolicyRequest();
        putTags(request, tags);
        request.setPolicyName(name.value());
        request.setPolicyDocument(document);
        request.setDescription(description);
        CreatePolicyResponse.Policy p = calls.call(request).getPolicy();
        // CreatePolicy does not echo the document; it is the one just sent
        return new CloudPolicy(p.getPolicyName(), policyType(p.getPolicyType()), p.getDescription(), p.getDefaultVersion(), document);
    }

    @Override
    public String createPolicyVersion(PolicyName name, String document, boolean setAsDefault, boolean rotate) {
        CreatePolicyVersionRequest request = new CreatePolicyVersionRequest();
        request.setPolicyName(name.value());
        request.setPolicyDocument(document);
        request.setSetAsDefault(setAsDefault);
        request.setRotateStrategy(rotate ? ROTATE : "None");
        return calls.call(request).getPolicyVersion().getVersionId();
    }

    @Override
    public void deletePolicy(PolicyName name) {
        DeletePolicyRequest request = new DeletePolicyRequest();
        request.setPolicyName(name.value());
        calls.call(request);
    }

    @Override
    public List<CloudPolicyVersion> listPolicyVersions(PolicyName name) {
        ListPolicyVersionsRequest request = new ListPolicyVersionsRequest();
        request.setPolicyName(name.value());
        request.setPolicyType(PolicyType.Custom.name());
        List<CloudPolicyVersion> versions = new ArrayList<>();
        for (ListPolicyVersionsResponse.PolicyVersion v : calls.call(request).getPolicyVersions()) {
            versions.add(new CloudPolicyVersion(v.getVersionId(), Boolean.TRUE.equals(v.getIsDefaultVersion()), v.getPolicyDocument()));
        }
        return versions;
    }

    @Override
    public void deletePolicyVersion(PolicyName name, String versionId) {
        DeletePolicyVersionRequest request = new DeletePolicyVersionRequest();
        request.setPolicyName(name.value());
        request.setVersionId(versionId);
        calls.call(request);
    }

    @Override
    public List<AttachedPolicy> listPoliciesForRole(RoleName role) {
        ListPoliciesForRoleRequest request = new ListPoliciesForRoleRequest();
        request.setRoleName(role.value());
        List<AttachedPolicy> policies = new ArrayList<>();
        for (ListPoliciesForRoleResponse.Policy p : calls.call(request).getPolicies()) {
            policies.add(new AttachedPolicy(p.getPolicyName(), policyType(p.getPolicyType())));
        }
        return policies;
    }

    @Override
    public void attachPolicyToRole(PolicyName policy, PolicyType type, RoleName role) {
        AttachPolicyToRoleRequest request = new AttachPolicyToRoleRequest();
        request.setPolicyName(policy.value());
        request.setPolicyType(type.name());
        request.setRoleName(role.value());
        succeedOn("EntityAlreadyExists.Role.Policy", () -> calls.call(request));
    }

    @Override
    public List<AttachedPolicy> listPoliciesForUser(UserName user) {
        ListPoliciesForUserRequest request = new ListPoliciesForUserRequest();
        request.setUserName(user.value());
        List<AttachedPolicy> policies = new ArrayList<>();
        for (ListPoliciesForUserResponse.Policy p : calls.call(request).getPolicies()) {
            policies.add(new AttachedPolicy(p.getPolicyName(), policyType(p.getPolicyType())));
        }
        return policies;
    }

    @Override
    public void attachPolicyToUser(PolicyName policy, PolicyType type, UserName user) {
        AttachPolicyToUserRequest request = new AttachPolicyToUserRequest();
        request.setPolicyName(policy.value());
        request.setPolicyType(type.name());
        request.setUserName(user.value());
        succeedOn("EntityAlreadyExists.User.Policy", () -> calls.call(request));
    }

    @Override
    public void detachPolicyFromUser(PolicyName policy, PolicyType type, UserName user) {
        DetachPolicyFromUserRequest request = new DetachPolicyFromUserRequest();
        request.setPolicyName(policy.value());
        request.setPolicyType(type.name());
        request.setUserName(user.value());
        // detaching what is not attached leaves the wanted state: an ensure, like the attaches
        succeedOn("EntityNotExist.User.Policy", () -> calls.call(request));
    }

    @Override
    public Optional<CloudUser> getUser(UserName name) {
        GetUserRequest request = new GetUserRequest();
        request.setUserName(name.value());
        return absentOn("EntityNotExist.User", () -> {
            GetUserResponse.User u = calls.call(request).getUser();
            return new CloudUser(u.getUserName(), u.getUserId());
        });
    }

    @Override
    public List<CloudRole> listRoles() {
        List<CloudRole> roles = new ArrayList<>();
        String marker = null;
        do {
            ListRolesRequest request = new ListRolesRequest();
            request.setMaxItems(LIST_MAX_ITEMS);
            request.setMarker(marker);
            ListRolesResponse response = calls.call(request);
            for (ListRolesResponse.Role r : response.getRoles()) {
                roles.add(role(r.getRoleName(), r.getRoleId(), r.getArn(), r.getDescription(), r.getMaxSessionDuration(), null,
                        r.getCreateDate()));
            }
            marker = nextMarker(response.getIsTruncated(), response.getMarker());
        } while (marker != null);
        return roles;
    }

    @Override
    public List<CloudPolicy> listCustomPolicies() {
        List<CloudPolicy> policies = new ArrayList<>();
        String marker = null;
        do {
            ListPoliciesRequest request = new ListPoliciesRequest();
            request.setPolicyType(PolicyType.Custom.name());
            request.setMaxItems(LIST_MAX_ITEMS);
            request.setMarker(marker);
            ListPoliciesResponse response = calls.call(request);
            for (ListPoliciesResponse.Policy p : response.getPolicies()) {
                policies.add(new CloudPolicy(p.getPolicyName(), policyType(p.getPolicyType()), p.getDescription(), p.getDefaultVersion(), null));
            }
            marker = nextMarker(response.getIsTruncated(), response.getMarker());
        } while (marker != null);
        return policies;
    }

    /** The marker of the next page; null at the end (a truncated answer without a marker ends it too, rather than looping). */
    private static String nextMarker(Boolean truncated, String marker) {
        return Boolean.TRUE.equals(truncated) && marker != null && !marker.isEmpty() ? marker : null;
    }

    @Override
    public Map<String, Map<String, String>> listTags(RamResourceType type, List<String> names, String withKey) {
        if (names.size() > MAX_TAGGED_NAMES) {
            throw new IllegalArgumentException("ListTagResources takes at most " + MAX_TAGGED_NAMES + " names, got " + names.size());
        }
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        String nextToken = null;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("ResourceType", type.value());
            if (!names.isEmpty()) {
                params.put("ResourceNames", Json.write(names));
            }
            if (withKey != null) {
                params.put("Tag", Json.write(List.of(Map.of("Key", withKey))));
            }
            if (nextToken != null) {
                params.put("NextToken", nextToken);
            }
            JsonNode page = common("ListTagResources", params);
            for (JsonNode entry : tagEntries(page.path("TagResources"))) {
                tags.computeIfAbsent(entry.path("ResourceName").asText(), n -> new LinkedHashMap<>())
                        .put(entry.path("TagKey").asText(), entry.path("TagValue").asText());
            }
            nextToken = page.path("NextToken").asText(null);
        } while (nextToken != null && !nextToken.isEmpty());
        return tags;
    }

    /**
     * aliyun-java-sdk-ram 3.3.1 has no request classes for the tag actions: they go as the SDK's
     * CommonRequest, with lists as JSON strings, as the current SDKs send them.
     */
    @SuppressWarnings("unchecked")
    private JsonNode common(String action, Map<String, String> params) {
        CommonRequest request = new CommonRequest();
        request.setSysProduct("Ram");
        request.setSysDomain(RAM_ENDPOINT);
        request.setSysVersion(RAM_VERSION);
        request.setSysAction(action);
        request.setSysMethod(MethodType.POST);
        params.forEach(request::putQueryParameter);
        CommonResponse response = calls.call((AcsRequest<CommonResponse>) request.buildRequest());
        return Json.parse(response.getData()).orElseThrow(() -> new CloudException(CloudException.Kind.UNAVAILABLE, action,
                ErrorClassifier.INVALID_SERVER_RESPONSE, response.getHttpStatus(), null, "an answer that is not JSON"));
    }

    /** RAM writes the list bare; the older wrapped form ({@code {"TagResource": [...]}}) is read too. */
    private static List<JsonNode> tagEntries(JsonNode list) {
        return PolicyJson.items(list.isObject() ? list.path("TagResource") : list);
    }

    /** Tags as the {@code Tag} parameter of CreateRole/CreatePolicy: a JSON list of {@code {"Key","Value"}}. */
    private static void putTags(AcsRequest<?> request, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            tags.forEach((key, value) -> list.add(Map.of("Key", key, "Value", value)));
            request.putQueryParameter("Tag", Json.write(list));
        }
    }

    private static CloudRole role(String name, String id, String arn, String description, Long maxSessionDuration,
            String trustPolicy, String createDate) {
        int duration = maxSessionDuration == null ? DEFAULT_MAX_SESSION_DURATION : maxSessionDuration.intValue();
        return new CloudRole(name, id, arn, description, duration, trustPolicy, createDate);
    }

    private static PolicyType policyType(String value) {
        return PolicyType.of("policyType", value);
    }

    /** The answer, or empty when the cloud says exactly {@code notFoundCode}. */
    private static <T> Optional<T> absentOn(String notFoundCode, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (CloudException e) {
            if (notFoundCode.equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs {@code call}; the cloud's {@code alreadyDoneCode} means the wanted state is there already. */
    private static void succeedOn(String alreadyDoneCode, Runnable call) {
        try {
            call.run();
        } catch (CloudException e) {
            if (!alreadyDoneCode.equals(e.code())) {
                throw e;
            }
        }
    }
}
