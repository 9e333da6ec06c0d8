package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.ecs20140526.models.AttachInstanceRamRoleRequest;
import com.aliyun.ecs20140526.models.AttachInstanceRamRoleResponse;
import com.aliyun.ecs20140526.models.DescribeInstanceRamRoleRequest;
import com.aliyun.ecs20140526.models.DescribeInstancesRequest;
import com.aliyun.ecs20140526.models.DescribeInstancesResponseBody;
import com.aliyun.ecs20140526.models.ModifyInstanceMetadataOptionsRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TeaClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ECS through the Tea SDK (signature V3): NextToken paging, role binding, hardened metadata. */
class TeaEcsSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private static com.aliyun.teaopenapi.models.Config root() {
        return TeaClients.config(EMULATOR.endpoint(), EMULATOR.emulator().rootAccessKeyId(),
                EMULATOR.emulator().rootAccessKeySecret());
    }

    @Test
    void pagesByNextTokenUntilItIsEmpty() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(EMULATOR.control().createInstance(NewInstance.vpc(EmulatorExtension.REGION)));
        }
        com.aliyun.ecs20140526.Client ecs = TeaClients.ecs(root());
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            DescribeInstancesResponseBody body = ecs.describeInstances(new DescribeInstancesRequest()
                    .setRegionId(EmulatorExtension.REGION).setMaxResults(2).setNextToken(token)).getBody();
            body.getInstances().getInstance().forEach(instance -> seen.add(instance.getInstanceId()));
            assertEquals(5, body.getTotalCount());
            token = body.getNextToken();
            pages++;
        } while (token != null && !token.isEmpty());
        assertEquals(3, pages);
        assertEquals(created, seen);

        TeaException bad = assertThrows(TeaException.class, () -> ecs.describeInstances(new DescribeInstancesRequest()
                .setRegionId(EmulatorExtension.REGION).setNextToken("not-a-token")));
        assertEquals("InvalidParameter.NextToken", bad.getCode());
    }

    @Test
    void bindsARoleAndHardensTheMetadataOfOneInstance() throws Exception {
        TeaClients.ram(root()).createRole(new CreateRoleRequest().setRoleName("EcsApp")
                .setAssumeRolePolicyDocument(TrustPolicies.ecs()));
        String hardened = EMULATOR.control().createInstance(NewInstance.vpc(EmulatorExtension.REGION));
        String other = EMULATOR.control().createInstance(NewInstance.vpc(EmulatorExtension.REGION));
        com.aliyun.ecs20140526.Client ecs = TeaClients.ecs(root());
        AttachInstanceRamRoleResponse attached = ecs.attachInstanceRamRole(new AttachInstanceRamRoleRequest()
                .setRegionId(EmulatorExtension.REGION).setRamRoleName("EcsApp")
                .setInstanceIds("[\"" + hardened + "\",\"" + other + "\"]"));
        assertEquals(2, attached.getBody().getTotalCount());
        assertEquals(List.of(hardened, other), ecs.describeInstanceRamRole(new DescribeInstanceRamRoleRequest()
                .setRegionId(EmulatorExtension.REGION).setRamRoleName("EcsApp")).getBody().getInstanceRamRoleSets()
                .getInstanceRamRoleSet().stream().map(s -> s.getInstanceId()).collect(Collectors.toList()));
        assertEquals(200, metadataGet(hardened, null).statusCode());

        ecs.modifyInstanceMetadataOptions(new ModifyInstanceMetadataOptionsRequest().setRegionId(EmulatorExtension.REGION)
                .setInstanceId(hardened).setHttpTokens("required"));
        assertEquals(List.of("required", "optional"), ecs.describeInstances(new DescribeInstancesRequest()
                .setRegionId(EmulatorExtension.REGION)).getBody().getInstances().getInstance().stream()
                .map(i -> i.getMetadataOptions().getHttpTokens()).collect(Collectors.toList()));

        assertEquals(401, metadataGet(hardened, null).statusCode(), "hardened: no token, no answer");
        assertEquals(200, metadataGet(other, null).statusCode(), "the other instance is not hardened");
        String token = HTTP.send(HttpRequest.newBuilder(metadataUri(hardened, "/latest/api/token"))
                .header("X-aliyun-ecs-metadata-token-ttl-seconds", "60").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> withToken = metadataGet(hardened, token);
        assertEquals(200, withToken.statusCode());
        assertEquals("EcsApp", withToken.body());
        assertEquals(401, metadataGet(other, token).statusCode(), "a token is good for its own instance only");

        ecs.modifyInstanceMetadataOptions(new ModifyInstanceMetadataOptionsRequest().setRegionId(EmulatorExtension.REGION)
                .setInstanceId(hardened).setHttpEndpoint("disabled"));
        assertEquals(403, metadataGet(hardened, token).statusCode());
        JsonNode state = EMULATOR.control().state().path("instances").get(0);
        assertEquals("required", state.path("httpTokens").asText(), "an option not given keeps its value");
        assertEquals("disabled", state.path("httpEndpoint").asText());

        TeaException bad = assertThrows(TeaException.class, () -> ecs.modifyInstanceMetadataOptions(
                new ModifyInstanceMetadataOptionsRequest().setRegionId(EmulatorExtension.REGION).setInstanceId(other)
                        .setHttpTokens("sometimes")));
        assertEquals("InvalidParameter.HttpTokens", bad.getCode());
        TeaException missing = assertThrows(TeaException.class, () -> ecs.modifyInstanceMetadataOptions(
                new ModifyInstanceMetadataOptionsRequest().setRegionId(EmulatorExtension.REGION).setInstanceId("i-none")
                        .setHttpTokens("required")));
        assertEquals("InvalidInstanceId.NotFound", missing.getCode());
        assertNotEquals("required", EMULATOR.control().state().path("instances").get(1).path("httpTokens").asText());
    }

    private static URI metadataUri(String instanceId, String path) {
        return URI.create(EMULATOR.emulator().baseUrl() + "/_emulator/metadata/" + instanceId + path);
    }

    private static HttpResponse<String> metadataGet(String instanceId, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(metadataUri(instanceId, "/latest/meta-data/ram/security-credentials/"));
        if (token != null) {
            request.header("X-aliyun-ecs-metadata-token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
