package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.ecs20140526.models.AttachInstanceRamRoleRequest;
import com.aliyun.ecs20140526.models.ModifyInstanceMetadataOptionsRequest;
import com.aliyun.ram20150501.models.AttachPolicyToRoleRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreatePolicyVersionRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.GetRoleRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.client.UserKeys;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.TeaClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --state FILE}: what was made before a restart is there after it, credentials and RAM tags included. */
class StateFileTest {
    @TempDir
    Path directory;

    @Test
    void theAccountSurvivesARestart() throws Exception {
        Path file = directory.resolve("state.json");
        EmulatorOptions options = EmulatorOptions.defaults().withStateFile(file);
        JsonNode before;
        String accountId;
        String rootKeyId;
        String instance;
        UserKeys deployer;
        JsonNode credentials;
        try (Emulator emulator = Emulator.start(options)) {
            assertTrue(Files.exists(file), "a new account is written at once");
            com.aliyun.teaopenapi.models.Config root = root(emulator);
            com.aliyun.ram20150501.Client ram = TeaClients.ram(root);
            ram.createRole(new CreateRoleRequest().setRoleName("Kept").setAssumeRolePolicyDocument(TrustPolicies.ecs())
                    .setDescription("kept across restarts"));
            ram.createPolicy(new CreatePolicyRequest().setPolicyName("kept-policy").setPolicyDocument(document("ecs:Describe*")));
            ram.createPolicyVersion(new CreatePolicyVersionRequest().setPolicyName("kept-policy")
                    .setPolicyDocument(document("ecs:DescribeInstances")).setSetAsDefault(true));
            ram.attachPolicyToRole(new AttachPolicyToRoleRequest().setRoleName("Kept").setPolicyName("kept-policy")
                    .setPolicyType("Custom"));
            tag(emulator, "role", "Kept");
            tag(emulator, "policy", "kept-policy");
            deployer = emulator.control().createUser("deployer");
            instance = emulator.control().createInstance(NewInstance.vpc(EmulatorExtension.REGION).tag("team", "team-a"));
            TeaClients.ecs(root).attachInstanceRamRole(new AttachInstanceRamRoleRequest()
                    .setRegionId(EmulatorExtension.REGION).setRamRoleName("Kept").setInstanceIds("[\"" + instance + "\"]"));
            TeaClients.ecs(root).modifyInstanceMetadataOptions(new ModifyInstanceMetadataOptionsRequest()
                    .setRegionId(EmulatorExtension.REGION).setInstanceId(instance).setHttpTokens("required"));
            credentials = emulator.control().instanceCredentials(instance);
            before = emulator.control().state();
            assertEquals("team-a", before.path("roles").get(0).path("tags").path("team").asText(), before.toString());
            accountId = emulator.accountId();
            rootKeyId = emulator.rootAccessKeyId();
        }
        assertFalse(Files.exists(file.resolveSibling("state.json.tmp")));

        try (Emulator restarted = Emulator.start(options)) {
            assertEquals(accountId, restarted.accountId());
            assertEquals(rootKeyId, restarted.rootAccessKeyId());
            assertEquals(before, restarted.control().state());
            assertEquals("kept across restarts", TeaClients.ram(root(restarted)).getRole(new GetRoleRequest()
                    .setRoleName("Kept")).getBody().getRole().getDescription());
            assertEquals(credentials.path("AccessKeyId").asText(),
                    restarted.control().instanceCredentials(instance).path("AccessKeyId").asText(),
                    "the instance keeps its session");
            // the user's key and the session handed out before the restart still sign calls
            assertEquals("acs:ram::" + accountId + ":user/deployer", TeaClients.sts(TeaClients.config(restarted.endpoint(),
                    deployer.accessKeyId(), deployer.accessKeySecret())).getCallerIdentity().getBody().getArn());
            assertTrue(TeaClients.sts(TeaClients.config(restarted.endpoint(), credentials.path("AccessKeyId").asText(),
                    credentials.path("AccessKeySecret").asText(), credentials.path("SecurityToken").asText()))
                    .getCallerIdentity().getBody().getArn().endsWith("/kept/" + instance));
        }
    }

    @Test
    void aFileThatIsNotAStateFileStopsTheStart() throws IOException {
        Path file = directory.resolve("state.json");
        Files.writeString(file, "{\"not\": \"a state\"");
        IOException e = assertThrows(IOException.class, () -> Emulator.start(EmulatorOptions.defaults().withStateFile(file)));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    /** RAM tags through the V1 SDK's CommonRequest: the Tea RAM SDK served here has no tag requests. */
    private static void tag(Emulator emulator, String type, String name) throws ClientException {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(emulator.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysMethod(MethodType.POST);
        request.setSysVersion("2015-05-01");
        request.setSysAction("TagResources");
        request.putQueryParameter("ResourceType", type);
        request.putQueryParameter("ResourceNames", "[\"" + name + "\"]");
        request.putQueryParameter("Tag", "[{\"Key\":\"team\",\"Value\":\"team-a\"}]");
        SdkClients.client(emulator.rootAccessKeyId(), emulator.rootAccessKeySecret(), EmulatorExtension.REGION)
                .getCommonResponse(request);
    }

    private static com.aliyun.teaopenapi.models.Config root(Emulator emulator) {
        return TeaClients.config(emulator.endpoint(), emulator.rootAccessKeyId(), emulator.rootAccessKeySecret());
    }

    private static String document(String action) {
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }
}
