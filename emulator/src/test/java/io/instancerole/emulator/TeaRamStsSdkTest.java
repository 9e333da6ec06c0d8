package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.ram20150501.models.AttachPolicyToRoleRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.CreateRoleResponse;
import com.aliyun.ram20150501.models.GetRoleRequest;
import com.aliyun.ram20150501.models.ListPoliciesForRoleRequest;
import com.aliyun.ram20150501.models.ListPoliciesForRoleResponse;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponse;
import com.aliyun.sts20150401.models.GetCallerIdentityResponse;
import com.aliyun.tea.TeaException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkRequests;
import io.instancerole.emulator.testing.TeaClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RAM and STS through the Tea SDKs: RAM signs with V3, STS with its own choice (V1, "v2" in its code). */
class TeaRamStsSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static com.aliyun.teaopenapi.models.Config root() {
        return TeaClients.config(EMULATOR.endpoint(), EMULATOR.emulator().rootAccessKeyId(),
                EMULATOR.emulator().rootAccessKeySecret());
    }

    @Test
    void ramWorkflowSignedWithV3() throws Exception {
        com.aliyun.ram20150501.Client ram = TeaClients.ram(root());
        String trust = TrustPolicies.account(EMULATOR.accountId());
        CreateRoleResponse created = ram.createRole(new CreateRoleRequest().setRoleName("tea-role")
                .setAssumeRolePolicyDocument(trust).setDescription("made by the Tea SDK: a b*c~d/é+"));
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":role/tea-role", created.getBody().getRole().getArn());
        assertEquals("made by the Tea SDK: a b*c~d/é+",
                ram.getRole(new GetRoleRequest().setRoleName("tea-role")).getBody().getRole().getDescription());
        ram.createPolicy(new CreatePolicyRequest().setPolicyName("tea-policy").setPolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:Describe*\",\"Resource\":\"*\"}]}"));
        ram.attachPolicyToRole(new AttachPolicyToRoleRequest().setRoleName("tea-role").setPolicyName("tea-policy")
                .setPolicyType("Custom"));
        ListPoliciesForRoleResponse policies = ram.listPoliciesForRole(new ListPoliciesForRoleRequest().setRoleName("tea-role"));
        assertEquals("tea-policy", policies.getBody().getPolicies().getPolicy().get(0).getPolicyName());

        TeaException duplicate = assertThrows(TeaException.class, () -> ram.createRole(new CreateRoleRequest()
                .setRoleName("tea-role").setAssumeRolePolicyDocument(trust)));
        assertEquals("EntityAlreadyExists.Role", duplicate.getCode());

        for (JsonNode call : EMULATOR.control().calls()) {
            assertEquals("3", call.path("signatureVersion").asText(), call.toString());
        }
    }

    @Test
    void v1AndTeaClientsShareOneAccountOnOnePort() throws Exception {
        EMULATOR.send(EMULATOR.root(), SdkRequests.createRole("made-by-v1", TrustPolicies.ecs()));
        com.aliyun.ram20150501.Client tea = TeaClients.ram(root());
        assertEquals("made-by-v1", tea.getRole(new GetRoleRequest().setRoleName("made-by-v1")).getBody().getRole()
                .getRoleName());
        tea.createRole(new CreateRoleRequest().setRoleName("made-by-tea").setAssumeRolePolicyDocument(TrustPolicies.ecs()));
        com.aliyuncs.ram.model.v20150501.GetRoleRequest v1Get = new com.aliyuncs.ram.model.v20150501.GetRoleRequest();
        v1Get.setRoleName("made-by-tea");
        assertEquals("made-by-tea", EMULATOR.send(EMULATOR.root(), v1Get).getRole().getRoleName());

        JsonNode calls = EMULATOR.control().calls();
        assertEquals(List.of("1.0", "3", "3", "1.0"), List.of(calls.get(0).path("signatureVersion").asText(),
                calls.get(1).path("signatureVersion").asText(), calls.get(2).path("signatureVersion").asText(),
                calls.get(3).path("signatureVersion").asText()));
    }

    @Test
    void stsAssumeRoleThenTheSessionSignsRamCallsWithItsTokenHeader() throws Exception {
        com.aliyun.ram20150501.Client ram = TeaClients.ram(root());
        ram.createRole(new CreateRoleRequest().setRoleName("assumable")
                .setAssumeRolePolicyDocument(TrustPolicies.account(EMULATOR.accountId())));
        ram.attachPolicyToRole(new AttachPolicyToRoleRequest().setRoleName("assumable")
                .setPolicyName("AliyunRAMReadOnlyAccess").setPolicyType("System"));
        EMULATOR.control().clearCalls();

        AssumeRoleResponse assumed = TeaClients.sts(root()).assumeRole(new AssumeRoleRequest()
                .setRoleArn("acs:ram::" + EMULATOR.accountId() + ":role/assumable").setRoleSessionName("tea"));
        String keyId = assumed.getBody().getCredentials().getAccessKeyId();
        String secret = assumed.getBody().getCredentials().getAccessKeySecret();
        String token = assumed.getBody().getCredentials().getSecurityToken();
        assertTrue(keyId.startsWith("STS."));

        com.aliyun.teaopenapi.models.Config session = TeaClients.config(EMULATOR.endpoint(), keyId, secret, token);
        GetCallerIdentityResponse identity = TeaClients.sts(session).getCallerIdentity();
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/assumable/tea", identity.getBody().getArn());
        assertEquals("assumable", TeaClients.ram(session).getRole(new GetRoleRequest().setRoleName("assumable"))
                .getBody().getRole().getRoleName());

        TeaException denied = assertThrows(TeaException.class, () -> TeaClients.ram(session)
                .createRole(new CreateRoleRequest().setRoleName("escalate")
                        .setAssumeRolePolicyDocument(TrustPolicies.ecs())));
        assertEquals("NoPermission", denied.getCode());

        TeaException wrongToken = assertThrows(TeaException.class, () -> TeaClients.ram(
                TeaClients.config(EMULATOR.endpoint(), keyId, secret, token + "x"))
                .getRole(new GetRoleRequest().setRoleName("assumable")));
        assertEquals("InvalidSecurityToken.Malformed", wrongToken.getCode());

        JsonNode calls = EMULATOR.control().calls();
        assertEquals("1.0", calls.get(0).path("signatureVersion").asText(), "the STS client signs with V1");
        assertEquals("AssumeRole", calls.get(0).path("action").asText());
        assertEquals("3", calls.get(2).path("signatureVersion").asText(), "the RAM client signs with V3");
        assertEquals("GetRole", calls.get(2).path("action").asText());
    }
}
