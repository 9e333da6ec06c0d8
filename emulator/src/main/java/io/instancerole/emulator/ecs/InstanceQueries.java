package io.instancerole.emulator.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.state.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** DescribeInstances and DescribeInstanceRamRole. */
final class InstanceQueries {
    private static final int DESCRIBE_DEFAULT_PAGE = 10;
    private static final int DESCRIBE_MAX_PAGE = 100;
    private static final int ROLE_DEFAULT_PAGE = 10;
    private static final int ROLE_MAX_PAGE = 50;
    private static final int MAX_TAG_FILTERS = 20;

    private InstanceQueries() {}

    static ObjectNode describeInstances(Call call) {
        String region = EcsParams.required(call, "RegionId");
        String idsParam = call.param("InstanceIds");
        List<String> ids = idsParam == null ? null : EcsParams.instanceIds(idsParam);
        // NextToken/MaxResults paging when either is given; PageNumber/PageSize otherwise
        boolean tokenPaging = call.param("NextToken") != null || call.param("MaxResults") != null;
        int pageNumber = tokenPaging ? 1 : EcsParams.pageNumber(call);
        int pageSize = tokenPaging ? EcsParams.maxResults(call, DESCRIBE_DEFAULT_PAGE, DESCRIBE_MAX_PAGE)
                : EcsParams.pageSize(call, DESCRIBE_DEFAULT_PAGE, DESCRIBE_MAX_PAGE);
        int offset = tokenPaging ? EcsParams.nextTokenOffset(call) : (pageNumber - 1) * pageSize;
        call.authorize("ecs:DescribeInstances", Arns.instanceResource(region, call.accountId(), "*"));

        Predicate<Instance> filter = i -> i.regionId().equals(region);
        if (ids != null) {
            filter = filter.and(i -> ids.contains(i.id()));
        }
        filter = filter.and(equalsIfGiven(call.param("InstanceNetworkType"), Instance::networkType));
        filter = filter.and(equalsIfGiven(call.param("Status"), Instance::status));
        filter = filter.and(equalsIfGiven(call.param("InstanceName"), Instance::name));
        for (Map.Entry<String, String> tag : tagFilters(call).entrySet()) {
            filter = filter.and(i -> i.tags().containsKey(tag.getKey())
                    && (tag.getValue() == null || tag.getValue().equals(i.tags().get(tag.getKey()))));
        }
        List<Instance> matching = call.state().instances().stream().filter(filter).collect(Collectors.toList());
        List<ObjectNode> page = EcsParams.slice(matching, offset, pageSize).stream()
                .map(InstanceQueries::instanceJson).collect(Collectors.toList());

        ObjectNode body = Json.object();
        body.put("TotalCount", matching.size());
        if (tokenPaging) {
            body.put("NextToken", offset + pageSize < matching.size() ? EcsParams.nextToken(offset + pageSize) : "");
        } else {
            body.put("PageNumber", pageNumber);
            body.put("PageSize", pageSize);
        }
        body.set("Instances", Json.wrappedList("Instance", page));
        return body;
    }

    static ObjectNode describeInstanceRamRole(Call call) {
        String region = EcsParams.required(call, "RegionId");
        String idsParam = call.param("InstanceIds");
        List<String> ids = idsParam == null ? null : EcsParams.instanceIds(idsParam);
        String roleName = call.param("RamRoleName");
        if ((ids == null || ids.isEmpty()) && roleName == null) {
            throw new ApiException(403, "InvalidParameter.AllEmpty",
                    "The parameters InstanceIds and RamRoleName cannot both be empty.");
        }
        int pageNumber = EcsParams.pageNumber(call);
        int pageSize = EcsParams.pageSize(call, ROLE_DEFAULT_PAGE, ROLE_MAX_PAGE);
        call.authorize("ecs:DescribeInstanceRamRole", Arns.instanceResource(region, call.accountId(), "*"));

        List<Instance> matching = call.state().instances().stream()
                .filter(i -> i.regionId().equals(region) && i.ramRoleName() != null)
                .filter(i -> ids == null || ids.isEmpty() || ids.contains(i.id()))
                .filter(i -> roleName == null || roleName.equalsIgnoreCase(i.ramRoleName()))
                .collect(Collectors.toList());
        List<ObjectNode> sets = EcsParams.page(matching, pageNumber, pageSize).stream()
                .map(i -> roleSet(i.id(), i.ramRoleName())).collect(Collectors.toList());

        ObjectNode body = Json.object();
        body.put("RegionId", region);
        body.put("TotalCount", matching.size());
        body.set("InstanceRamRoleSets", Json.wrappedList("InstanceRamRoleSet", sets));
        return body;
    }

    static ObjectNode roleSet(String instanceId, String roleName) {
        ObjectNode json = Json.object();
        json.put("InstanceId", instanceId);
        json.put("RamRoleName", roleName);
        return json;
    }

    private static Predicate<Instance> equalsIfGiven(String wanted, Function<Instance, String> field) {
        return i -> wanted == null || wanted.equals(field.apply(i));
    }

    /** {@code Tag.N.Key} / {@code Tag.N.Value} for N = 1..20; a key without a value matches any value. */
    private static Map<String, String> tagFilters(Call call) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; n <= MAX_TAG_FILTERS; n++) {
            String key = call.param("Tag." + n + ".Key");
            if (key != null) {
                tags.put(key, call.param("Tag." + n + ".Value"));
            }
        }
        return tags;
    }

    private static ObjectNode instanceJson(Instance instance) {
        ObjectNode json = Json.object();
        json.put("InstanceId", instance.id());
        json.put("InstanceName", instance.name());
        json.put("RegionId", instance.regionId());
        json.put("ZoneId", instance.zoneId());
        json.put("Status", instance.status());
        json.put("InstanceNetworkType", instance.networkType());
        json.put("InstanceType", "ecs.g6.large");
        json.put("CreationTime", Times.iso(instance.creationTime()).replaceAll(":\\d\\dZ$", "Z"));
        boolean vpc = Instance.VPC.equals(instance.networkType());
        ObjectNode vpcAttributes = json.putObject("VpcAttributes");
        vpcAttributes.put("VpcId", vpc ? "vpc-" + instance.regionId() + "-emulator" : "");
        vpcAttributes.put("VSwitchId", vpc ? "vsw-" + instance.zoneId() + "-emulator" : "");
        vpcAttributes.put("NatIpAddress", "");
        vpcAttributes.set("PrivateIpAddress", ipList(vpc ? instance.privateIp() : null));
        json.set("InnerIpAddress", ipList(vpc ? null : instance.privateIp()));
        json.set("PublicIpAddress", ipList(null));
        json.set("SecurityGroupIds", Json.wrappedList("SecurityGroupId", List.of()));
        List<ObjectNode> tags = new ArrayList<>();
        instance.tags().forEach((key, value) -> {
            ObjectNode tag = Json.object();
            tag.put("TagKey", key);
            tag.put("TagValue", value);
            tags.add(tag);
        });
        json.set("Tags", Json.wrappedList("Tag", tags));
        json.set("MetadataOptions", MetadataOptions.json(instance));
        return json;
    }

    /** {@code {"IpAddress":[ip]}}, empty when {@code ip} is null. */
    private static ObjectNode ipList(String ip) {
        return Json.wrappedList("IpAddress", ip == null ? List.of() : List.of(Json.MAPPER.getNodeFactory().textNode(ip)));
    }
}
