package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.jsonArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceRamRoleResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.exceptions.ClientException;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsInstancesSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void describesInstancesWithTagsAndAddresses() throws Exception {
        String web = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou").instanceName("网站服务器")
                .tag("team", "team-a").tag("env", "prod"));

        DescribeInstancesResponse.Instance instance = EMULATOR.send(root, describe()).getInstances().get(0);

        assertEquals(web, instance.getInstanceId());
        assertEquals("网站服务器", instance.getInstanceName());
        assertEquals("cn-hangzhou", instance.getRegionId());
        assertEquals("vpc", instance.getInstanceNetworkType());
        assertEquals("Running", instance.getStatus());
        assertEquals(List.of("team=team-a", "env=prod"), instance.getTags().stream()
                .map(t -> t.getTagKey() + "=" + t.getTagValue()).collect(Collectors.toList()));
        assertEquals(1, instance.getVpcAttributes().getPrivateIpAddress().size());
        assertTrue(instance.getVpcAttributes().getPrivateIpAddress().get(0).startsWith("172.16."));
    }

    @Test
    void filtersByTagNetworkTypeIdsAndRegion() throws Exception {
        String a1 = vpc("team-a");
        String a2 = vpc("team-a");
        vpc("team-b");
        String classic = EMULATOR.control().createInstance(NewInstance.classic("cn-hangzhou").tag("team", "team-a"));
        EMULATOR.control().createInstance(NewInstance.vpc("cn-shanghai").tag("team", "team-a"));

        DescribeInstancesRequest byTag = describe();
        byTag.setTags(List.of(tag("team", "team-a")));
        DescribeInstancesRequest byTagAndNetwork = describe();
        byTagAndNetwork.setTags(List.of(tag("team", "team-a")));
        byTagAndNetwork.setInstanceNetworkType("vpc");
        DescribeInstancesRequest byIds = describe();
        byIds.setInstanceIds(jsonArray(a2, classic, "i-missing"));
        DescribeInstancesRequest emptyIds = describe();
        emptyIds.setInstanceIds("[]");

        assertEquals(List.of(a1, a2, classic), ids(EMULATOR.send(root, byTag)));
        assertEquals(List.of(a1, a2), ids(EMULATOR.send(root, byTagAndNetwork)));
        assertEquals(List.of(a2, classic), ids(EMULATOR.send(root, byIds)));
        assertEquals(0, EMULATOR.send(root, emptyIds).getTotalCount());
        assertEquals(4, EMULATOR.send(root, describe()).getTotalCount());
    }

    @Test
    void pagesThroughInstances() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(vpc("team-a"));
        }
        DescribeInstancesRequest second = describe();
        second.setPageSize(2);
        second.setPageNumber(2);
        DescribeInstancesRequest third = describe();
        third.setPageSize(2);
        third.setPageNumber(3);

        DescribeInstancesResponse page2 = EMULATOR.send(root, second);

        assertEquals(5, page2.getTotalCount());
        assertEquals(2, page2.getPageNumber());
        assertEquals(2, page2.getPageSize());
        assertEquals(created.subList(2, 4), ids(page2));
        assertEquals(created.subList(4, 5), ids(EMULATOR.send(root, third)));
    }

    @Test
    void refusesMoreThanOneHundredIdsAndMalformedIds() {
        String[] many = new String[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = "i-" + i;
        }
        DescribeInstancesRequest tooMany = describe();
        tooMany.setInstanceIds(jsonArray(many));
        DescribeInstancesRequest notJson = describe();
        notJson.setInstanceIds("i-1,i-2");
        DescribeInstancesRequest bigPage = describe();
        bigPage.setPageSize(101);

        assertEquals("InvalidInstanceIds.Malformed", code(tooMany));
        assertEquals("InvalidInstanceIds.Malformed", code(notJson));
        assertEquals("InvalidParameter.PageSize", code(bigPage));
    }

    @Test
    void describesInstanceRamRolesWithPaging() throws Exception {
        EMULATOR.send(root, createRole("app", TrustPolicies.ecs()));
        EMULATOR.send(root, createRole("other", TrustPolicies.ecs()));
        List<String> bound = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bound.add(vpc("team-a"));
        }
        EMULATOR.send(root, attachInstanceRamRole("app", bound.toArray(new String[0])));
        String otherBound = vpc("team-b");
        EMULATOR.send(root, attachInstanceRamRole("other", otherBound));
        vpc("unbound");

        DescribeInstanceRamRoleRequest byRole = new DescribeInstanceRamRoleRequest();
        byRole.setRamRoleName("app");
        DescribeInstanceRamRoleResponse firstPage = EMULATOR.send(root, byRole);
        byRole.setPageNumber(2);
        DescribeInstanceRamRoleResponse secondPage = EMULATOR.send(root, byRole);
        DescribeInstanceRamRoleRequest byIds = new DescribeInstanceRamRoleRequest();
        byIds.setInstanceIds(jsonArray(bound.get(0), otherBound));

        assertEquals(12, firstPage.getTotalCount());
        assertEquals("cn-hangzhou", firstPage.getRegionId());
        assertEquals(10, firstPage.getInstanceRamRoleSets().size());
        assertEquals(2, secondPage.getInstanceRamRoleSets().size());
        assertEquals(bound.get(11), secondPage.getInstanceRamRoleSets().get(1).getInstanceId());
        assertEquals("app", secondPage.getInstanceRamRoleSets().get(1).getRamRoleName());
        assertEquals(List.of(bound.get(0) + "=app", otherBound + "=other"), EMULATOR.send(root, byIds)
                .getInstanceRamRoleSets().stream().map(s -> s.getInstanceId() + "=" + s.getRamRoleName())
                .collect(Collectors.toList()));
    }

    @Test
    void describeInstanceRamRoleNeedsAFilterAndAtMostFiftyPerPage() {
        DescribeInstanceRamRoleRequest noFilter = new DescribeInstanceRamRoleRequest();
        DescribeInstanceRamRoleRequest bigPage = new DescribeInstanceRamRoleRequest();
        bigPage.setRamRoleName("app");
        bigPage.setPageSize(51);

        ClientException e = assertThrows(ClientException.class, () -> EMULATOR.send(root, noFilter));

        assertEquals("InvalidParameter.AllEmpty", e.getErrCode());
        assertEquals("InvalidParameter.PageSize", code(bigPage));
    }

    private String code(com.aliyuncs.AcsRequest<?> request) {
        return EMULATOR.failure(root, request).getErrCode();
    }

    private static String vpc(String team) {
        return EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou").tag("team", team));
    }

    private static DescribeInstancesRequest describe() {
        return new DescribeInstancesRequest();
    }

    private static DescribeInstancesRequest.Tag tag(String key, String value) {
        DescribeInstancesRequest.Tag tag = new DescribeInstancesRequest.Tag();
        tag.setKey(key);
        tag.setValue(value);
        return tag;
    }

    private static List<String> ids(DescribeInstancesResponse response) {
        return response.getInstances().stream().map(DescribeInstancesResponse.Instance::getInstanceId)
                .collect(Collectors.toList());
    }
}
