package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToUser;
import static io.instancerole.emulator.testing.SdkRequests.createPolicy;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TrustPolicies;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RAM tags on roles and policies, through the V1 SDK's CommonRequest (aliyun-java-sdk-ram 3.3.1
 * has no request classes for them), in both list styles: JSON strings as the current SDKs send
 * them, and the flat {@code Tag.N.Key} style.
 */
class RamTagSdkTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DefaultAcsClient root = EMULATOR.root();

    @Test
    void tagsGivenOnCreateAndByTagResourcesAreListedAndShownInState() throws Exception {
        CommonRequest createRole = ram("CreateRole", Map.of("RoleName", "team-a-web", "AssumeRolePolicyDocument",
                TrustPolicies.ecs(), "Tag", "[{\"Key\":\"team\",\"Value\":\"team-a\"}]"));
        root.getCommonResponse(createRole);
        EMULATOR.send(root, createPolicy("team-a-read", policy("Allow", "oss:GetObject", "*")));
        root.getCommonResponse(ram("TagResources", Map.of("ResourceType", "policy", "ResourceNames.1", "team-a-read",
                "Tag.1.Key", "team", "Tag.1.Value", "team-a", "Tag.2.Key", "cost", "Tag.2.Value", "42")));

        JsonNode roleTags = list(Map.of("ResourceType", "role", "ResourceNames", "[\"TEAM-A-WEB\"]"));
        JsonNode policyTags = list(Map.of("ResourceType", "policy", "Tag.1.Key", "cost"));
        JsonNode state = EMULATOR.control().state();

        assertEquals(1, roleTags.path("TagResources").size());
        assertEquals("team-a-web", roleTags.path("TagResources").get(0).path("ResourceName").asText());
        assertEquals("team", roleTags.path("TagResources").get(0).path("TagKey").asText());
        assertEquals("team-a", roleTags.path("TagResources").get(0).path("TagValue").asText());
        assertEquals(2, policyTags.path("TagResources").size());
        assertEquals("team-a", state.path("roles").get(0).path("tags").path("team").asText());
        assertEquals("42", state.path("policies").get(0).path("tags").path("cost").asText());
    }

    @Test
    void createPolicyTakesTagsInTheFlatStyleToo() throws Exception {
        root.getCommonResponse(ram("CreatePolicy", Map.of("PolicyName", "team-b-read", "PolicyDocument",
                policy("Allow", "oss:GetObject", "*"), "Tag.1.Key", "team", "Tag.1.Value", "team-b")));

        JsonNode listed = list(Map.of("ResourceType", "policy", "ResourceNames.1", "team-b-read"));

        assertEquals("team-b", listed.path("TagResources").get(0).path("TagValue").asText());
        assertEquals("team-b", EMULATOR.control().state().path("policies").get(0).path("tags").path("team").asText());
    }

    @Test
    void retaggingOverwritesAndUntagRemoves() throws Exception {
        EMULATOR.send(root, createRole("team-a-web", TrustPolicies.ecs()));
        tag("role", "team-a-web", "team", "team-a");
        tag("role", "team-a-web", "team", "team-b");
        JsonNode retagged = list(Map.of("ResourceType", "role", "Tag", "[{\"Key\":\"team\",\"Value\":\"team-b\"}]"));
        root.getCommonResponse(ram("UntagResources", Map.of("ResourceType", "role", "ResourceNames", "[\"team-a-web\"]",
                "TagKeys", "[\"team\"]")));
        JsonNode after = list(Map.of("ResourceType", "role", "ResourceNames", "[\"team-a-web\"]"));

        assertEquals(1, retagged.path("TagResources").size());
        assertEquals("team-b", retagged.path("TagResources").get(0).path("TagValue").asText());
        assertEquals(0, after.path("TagResources").size());
    }

    @Test
    void taggingNeedsItsPermissionAndAnExistingResourceAndAValidKey() throws Exception {
        EMULATOR.send(root, createRole("team-a-web", TrustPolicies.ecs()));
        DefaultAcsClient mallory = EMULATOR.user("mallory");
        EMULATOR.send(root, createPolicy("create-roles", policy("Allow", "ram:CreateRole", "*")));
        EMULATOR.send(root, attachPolicyToUser("Custom", "create-roles", "mallory"));

        ClientException denied = assertThrows(ClientException.class, () -> mallory.getCommonResponse(
                ram("TagResources", Map.of("ResourceType", "role", "ResourceNames", "[\"team-a-web\"]",
                        "Tag", "[{\"Key\":\"team\",\"Value\":\"team-m\"}]"))));
        ClientException deniedOnCreate = assertThrows(ClientException.class, () -> mallory.getCommonResponse(
                ram("CreateRole", Map.of("RoleName", "m-web", "AssumeRolePolicyDocument", TrustPolicies.ecs(),
                        "Tag", "[{\"Key\":\"team\",\"Value\":\"team-a\"}]"))));
        ClientException missing = assertThrows(ClientException.class, () -> tag("role", "nobody", "team", "x"));
        ClientException reserved = assertThrows(ClientException.class, () -> tag("role", "team-a-web", "acs:team", "x"));

        assertEquals("NoPermission", denied.getErrCode());
        assertTrue(denied.getErrMsg().contains("Action: ram:TagResources"), denied.getErrMsg());
        assertEquals("NoPermission", deniedOnCreate.getErrCode());
        assertEquals("EntityNotExist.Role", missing.getErrCode());
        assertEquals("InvalidParameter.Tag", reserved.getErrCode());
        assertEquals(0, EMULATOR.control().state().path("roles").get(0).path("tags").size());
    }

    @Test
    void listPagesWithNextToken() throws Exception {
        for (int i = 0; i < 3; i++) {
            EMULATOR.send(root, createRole("team-a-r" + i, TrustPolicies.ecs()));
            tag("role", "team-a-r" + i, "team", "team-a");
        }
        JsonNode first = list(Map.of("ResourceType", "role", "PageSize", "2"));
        JsonNode second = list(Map.of("ResourceType", "role", "PageSize", "2", "NextToken", first.path("NextToken").asText()));

        assertEquals(2, first.path("TagResources").size());
        assertEquals(1, second.path("TagResources").size());
        assertTrue(second.path("NextToken").isMissingNode());
    }

    private void tag(String type, String name, String key, String value) throws ClientException {
        root.getCommonResponse(ram("TagResources", Map.of("ResourceType", type, "ResourceNames", "[\"" + name + "\"]",
                "Tag", "[{\"Key\":\"" + key + "\",\"Value\":\"" + value + "\"}]")));
    }

    private JsonNode list(Map<String, String> params) throws Exception {
        CommonResponse response = root.getCommonResponse(ram("ListTagResources", params));
        return JSON.readTree(response.getData());
    }

    private static CommonRequest ram(String action, Map<String, String> params) {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(EMULATOR.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysMethod(MethodType.POST);
        request.setSysVersion("2015-05-01");
        request.setSysAction(action);
        params.forEach(request::putQueryParameter);
        return request;
    }
}
