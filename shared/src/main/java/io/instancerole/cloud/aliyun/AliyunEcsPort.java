package io.instancerole.cloud.aliyun;

import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceRamRoleResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.DetachInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DetachInstanceRamRoleResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudInstance;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.InstanceOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** ECS through the V1 SDK's request classes; every list of ids is sent as one JSON-array parameter. */
final class AliyunEcsPort implements EcsPort {
    static final int DESCRIBE_INSTANCES_PAGE_SIZE = 100;
    /** DescribeInstanceRamRole's maximum; its default of 10 is why reading back without paging loses roles. */
    static final int DESCRIBE_RAM_ROLE_PAGE_SIZE = 50;

    /**
     * Codes that are about one instance, not the request. A batch reports them per instance inside a
     * 200; a call naming a single id gets them as the error of the whole call, and they are mapped
     * back to that instance here so both look alike to the domain. The real ECS documents no code
     * for a second role on an instance or for detaching a role that is not there; the two
     * {@code InvalidParameter.RamRole*} codes are the emulator's.
     */
    static final Set<String> PER_INSTANCE_CODES = Set.of(
            "InvalidInstanceId.NotFound", "InvalidNetworkType.MismatchRamRole", "IncorrectInstanceStatus",
            "InvalidParameter.RamRoleAlreadyAttached", "InvalidParameter.RamRoleNotAttached");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionCalls calls;

    AliyunEcsPort(SessionCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<CloudInstance> describeInstances(RegionId region, List<InstanceId> ids) {
        checkSize(ids);
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return describeAll(region, request -> request.setInstanceIds(jsonArray(ids)));
    }

    @Override
    public List<CloudInstance> listInstances(RegionId region, Map<String, String> tags) {
        List<DescribeInstancesRequest.Tag> filter = new ArrayList<>();
        tags.forEach((key, value) -> {
            DescribeInstancesRequest.Tag tag = new DescribeInstancesRequest.Tag();
            tag.setKey(key);
            tag.setValue(value);
            filter.add(tag);
        });
        return describeAll(region, request -> request.setTags(filter));
    }

    /** DescribeInstances, every page of the largest size ECS serves. */
    private List<CloudInstance> describeAll(RegionId region, Consumer<DescribeInstancesRequest> filter) {
        List<CloudInstance> instances = new ArrayList<>();
        for (int page = 1; ; page++) {
            DescribeInstancesRequest request = new DescribeInstancesRequest();
            request.setSysRegionId(region.value());
            filter.accept(request);
            request.setPageSize(DESCRIBE_INSTANCES_PAGE_SIZE);
            request.setPageNumber(page);
            DescribeInstancesResponse response = calls.call(request);
            for (DescribeInstancesResponse.Instance i : response.getInstances()) {
                Map<String, String> tags = new HashMap<>();
                for (DescribeInstancesResponse.Instance.Tag tag : i.getTags()) {
                    tags.put(tag.getTagKey(), tag.getTagValue() == null ? "" : tag.getTagValue());
                }
                instances.add(new CloudInstance(InstanceId.of(i.getInstanceId()), i.getInstanceName(), i.getInstanceNetworkType(),
                        i.getStatus(), tags));
            }
            if (isLastPage(response.getInstances().size(), instances.size(), response.getTotalCount(), DESCRIBE_INSTANCES_PAGE_SIZE)) {
                return instances;
            }
        }
    }

    @Override
    public Map<InstanceId, Optional<RoleName>> describeInstanceRamRoles(RegionId region, List<InstanceId> ids) {
        checkSize(ids);
        Map<String, Optional<RoleName>> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (DescribeInstanceRamRoleResponse.InstanceRamRoleSet set : roleSets(region, request -> request.setInstanceIds(jsonArray(ids)))) {
                String role = set.getRamRoleName();
                byId.put(set.getInstanceId(), role == null || role.isEmpty() ? Optional.empty() : Optional.of(RoleName.of(role)));
            }
        }
        // ECS lists only instances that have a role: every other id maps to "none reported"
        Map<InstanceId, Optional<RoleName>> roles = new LinkedHashMap<>();
        for (InstanceId id : ids) {
            roles.put(id, byId.getOrDefault(id.value(), Optional.empty()));
        }
        return roles;
    }

    @Override
    public List<InstanceId> listInstancesWithRole(RegionId region, RoleName role) {
        List<InstanceId> ids = new ArrayList<>();
        for (DescribeInstanceRamRoleResponse.InstanceRamRoleSet set : roleSets(region, request -> request.setRamRoleName(role.value()))) {
            ids.add(InstanceId.of(set.getInstanceId()));
        }
        return ids;
    }

    /** DescribeInstanceRamRole, every page of the largest size ECS serves. */
    private List<DescribeInstanceRamRoleResponse.InstanceRamRoleSet> roleSets(RegionId region,
            Consumer<DescribeInstanceRamRoleRequest> filter) {
        List<DescribeInstanceRamRoleResponse.InstanceRamRoleSet> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            DescribeInstanceRamRoleRequest request = new DescribeInstanceRamRoleRequest();
            request.setSysRegionId(region.value());
            filter.accept(request);
            request.setPageSize(DESCRIBE_RAM_ROLE_PAGE_SIZE);
            request.setPageNumber(page);
            DescribeInstanceRamRoleResponse response = calls.call(request);
            List<DescribeInstanceRamRoleResponse.InstanceRamRoleSet> sets = response.getInstanceRamRoleSets();
            all.addAll(sets);
            if (isLastPage(sets.size(), all.size(), response.getTotalCount(), DESCRIBE_RAM_ROLE_PAGE_SIZE)) {
                return all;
            }
        }
    }

    @Override
    public List<InstanceOutcome> attachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids, String policy) {
        checkSize(ids);
        if (ids.isEmpty()) {
            return List.of();
        }
        AttachInstanceRamRoleRequest request = new AttachInstanceRamRoleRequest();
        request.setSysRegionId(region.value());
        request.setRamRoleName(role.value());
        request.setInstanceIds(jsonArray(ids));
        request.setPolicy(policy);
        Map<String, InstanceOutcome> byId = new HashMap<>();
        try {
            AttachInstanceRamRoleResponse response = calls.call(request);
            for (AttachInstanceRamRoleResponse.AttachInstanceRamRoleResult r : response.getAttachInstanceRamRoleResults()) {
                byId.put(r.getInstanceId(), outcome(r.getInstanceId(), r.getSuccess(), r.getCode(), r.getMessage()));
            }
            return inOrder(ids, byId, response.getTotalCount(), response.getFailCount());
        } catch (CloudException e) {
            return singleInstanceFailure(ids, e);
        }
    }

    @Override
    public List<InstanceOutcome> detachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids) {
        checkSize(ids);
        if (ids.isEmpty()) {
            return List.of();
        }
        DetachInstanceRamRoleRequest request = new DetachInstanceRamRoleRequest();
        request.setSysRegionId(region.value());
        request.setRamRoleName(role == null ? null : role.value());
        request.setInstanceIds(jsonArray(ids));
        Map<String, InstanceOutcome> byId = new HashMap<>();
        try {
            DetachInstanceRamRoleResponse response = calls.call(request);
            for (DetachInstanceRamRoleResponse.DetachInstanceRamRoleResult r : response.getDetachInstanceRamRoleResults()) {
                byId.put(r.getInstanceId(), outcome(r.getInstanceId(), r.getSuccess(), r.getCode(), r.getMessage()));
            }
            return inOrder(ids, byId, response.getTotalCount(), response.getFailCount());
        } catch (CloudException e) {
            return singleInstanceFailure(ids, e);
        }
    }

    private static void checkSize(List<InstanceId> ids) {
        if (ids.size() > MAX_IDS_PER_CALL) {
            throw new IllegalArgumentException("ECS takes at most " + MAX_IDS_PER_CALL + " instance ids per call, got " + ids.size()
                    + ": chunk them");
        }
    }

    /** By TotalCount when the answer has one; an empty page ends it too, so a cloud that miscounts cannot make us loop. */
    private static boolean isLastPage(int pageItems, int itemsSoFar, Integer totalCount, int pageSize) {
        if (pageItems == 0) {
            return true;
        }
        return totalCount == null ? pageItems < pageSize : itemsSoFar >= totalCount;
    }

    private static InstanceOutcome outcome(String id, Boolean success, String code, String message) {
        InstanceId instanceId = InstanceId.of(id);
        return Boolean.TRUE.equals(success) ? InstanceOutcome.success(instanceId) : InstanceOutcome.failure(instanceId, code, message);
    }

    /**
     * One outcome per id, in request order. Only an explicit success counts: an id the answer does
     * not mention failed as far as we can tell (FailCount is reported with it, since the cloud's
     * own count disagrees with its results then).
     */
    private static List<InstanceOutcome> inOrder(List<InstanceId> ids, Map<String, InstanceOutcome> byId, Integer totalCount, Integer failCount) {
        List<InstanceOutcome> outcomes = new ArrayList<>();
        for (InstanceId id : ids) {
            InstanceOutcome outcome = byId.get(id.value());
            outcomes.add(outcome != null ? outcome : InstanceOutcome.failure(id, "MissingResult",
                    "the cloud's answer had no result for this instance (TotalCount " + totalCount + ", FailCount " + failCount + ")"));
        }
        return outcomes;
    }

    private static List<InstanceOutcome> singleInstanceFailure(List<InstanceId> ids, CloudException e) {
        if (ids.size() == 1 && PER_INSTANCE_CODES.contains(e.code())) {
            return List.of(InstanceOutcome.failure(ids.get(0), e.code(), e.getMessage()));
        }
        throw e;
    }

    private static String jsonArray(List<InstanceId> ids) {
        List<String> values = new ArrayList<>();
        for (InstanceId id : ids) {
            values.add(id.value());
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }
}
