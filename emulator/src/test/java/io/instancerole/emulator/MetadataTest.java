package io.instancerole.emulator;

import static io.instancerole.emulator.testing.SdkRequests.attachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.attachPolicyToRole;
import static io.instancerole.emulator.testing.SdkRequests.createRole;
import static io.instancerole.emulator.testing.SdkRequests.detachInstanceRamRole;
import static io.instancerole.emulator.testing.SdkRequests.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.ECSMetadataServiceCredentialsFetcher;
import com.aliyuncs.auth.InstanceProfileCredentialsProvider;
import com.aliyuncs.ecs.model.v20140526.AttachInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceRamRoleRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.client.EmulatorControlException;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetadataTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private static final String CREDENTIALS = "/latest/meta-data/ram/security-credentials/";

    private final DefaultAcsClient root = EMULATOR.root();
    private String instance;

    @BeforeEach
    void boundInstance() throws ClientException {
        EMULATOR.send(root, createRole("AppRole", TrustPolicies.ecs()));
        EMULATOR.send(root, attachPolicyToRole("System", "AliyunECSReadOnlyAccess", "AppRole"));
        instance = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou"));
        EMULATOR.send(root, attachInstanceRamRole("AppRole", instance));
    }

    @Test
    void servesTheRoleNameAndWorkingCredentialsOfTheRole() throws Exception {
        HttpResponse<String> name = get(perInstance(instance, CREDENTIALS));
        HttpResponse<String> credentials = get(perInstance(instance, CREDENTIALS + "AppRole"));
        JsonNode json = MAPPER.readTree(credentials.body());
        DefaultAcsClient asRole = SdkClients.client(json.path("AccessKeyId").asText(),
                json.path("AccessKeySecret").asText(), json.path("SecurityToken").asText(), EmulatorExtension.REGION);

        assertEquals(200, name.statusCode());
        assertEquals("AppRole", name.body());
        assertEquals(200, credentials.statusCode());
        assertEquals("Success", json.path("Code").asText());
        assertTrue(json.path("AccessKeyId").asText().startsWith("STS."));
        assertEquals(Duration.ofHours(6), Duration.between(Instant.parse(json.path("LastUpdated").asText()),
                Instant.parse(json.path("Expiration").asText())));
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/approle/" + instance,
                EMULATOR.send(asRole, new GetCallerIdentityRequest()).getArn());
        assertEquals(1, EMULATOR.send(asRole, new DescribeInstancesRequest()).getTotalCount());
        assertEquals("NoPermission", EMULATOR.failure(asRole, new ListRolesRequest()).getErrCode());
        assertEquals(404, get(perInstance(instance, CREDENTIALS + "OtherRole")).statusCode());
        assertEquals(404, get(perInstance("i-missing", CREDENTIALS)).statusCode());
        assertEquals(instance, get(perInstance(instance, "/latest/meta-data/instance-id")).body());
    }

    @Test
    void unbindingMakesThePathsNotFound() throws Exception {
        JsonNode issued = MAPPER.readTree(get(perInstance(instance, CREDENTIALS + "AppRole")).body());

        EMULATOR.send(root, detachInstanceRamRole("AppRole", instance));
        DefaultAcsClient earlierSession = SdkClients.client(issued.path("AccessKeyId").asText(),
                issued.path("AccessKeySecret").asText(), issued.path("SecurityToken").asText(), EmulatorExtension.REGION);

        assertEquals(404, get(perInstance(instance, CREDENTIALS)).statusCode());
        assertEquals(404, get(perInstance(instance, CREDENTIALS + "AppRole")).statusCode());
        // issued STS credentials cannot be revoked: they work until they expire
        assertEquals("AssumedRoleUser", EMULATOR.send(earlierSession, new GetCallerIdentityRequest()).getIdentityType());
    }

    @Test
    void hardenedModeTokens() throws Exception {
        HttpResponse<String> token = put(perInstance(instance, "/latest/api/token"), "21600", false);
        String other = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou"));

        assertEquals(200, token.statusCode());
        assertEquals(200, get(perInstance(instance, CREDENTIALS), token.body()).statusCode());
        assertEquals("AppRole", get(perInstance(instance, CREDENTIALS), token.body()).body());
        assertEquals(401, get(perInstance(instance, CREDENTIALS), "not-a-token").statusCode());
        assertEquals(401, get(perInstance(other, "/latest/meta-data/instance-id"), token.body()).statusCode());
        assertEquals(400, put(perInstance(instance, "/latest/api/token"), "21601", false).statusCode());
        assertEquals(400, put(perInstance(instance, "/latest/api/token"), "0", false).statusCode());
        assertEquals(400, put(perInstance(instance, "/latest/api/token"), null, false).statusCode());
        assertEquals(403, put(perInstance(instance, "/latest/api/token"), "60", true).statusCode());
    }

    @Test
    void tokensExpireWithTheirTtl() throws Exception {
        String token = put(perInstance(instance, "/latest/api/token"), "60", false).body();

        EMULATOR.control().setClockOffset(Duration.ofSeconds(61));

        assertEquals(401, get(perInstance(instance, CREDENTIALS), token).statusCode());
    }

    /** The SDK's own provider, pointed at the second listener, gets the role's credentials and uses them. */
    @Test
    void sdkInstanceProfileProviderWorksAsTheRoleUntilUnbound() throws Exception {
        DefaultAcsClient onInstance = new DefaultAcsClient(DefaultProfile.getProfile(EmulatorExtension.REGION),
                provider("AppRole"));

        String arn = EMULATOR.send(onInstance, new GetCallerIdentityRequest()).getArn();
        int visible = EMULATOR.send(onInstance, new DescribeInstancesRequest()).getTotalCount();
        ClientException notAllowed = EMULATOR.failure(onInstance, new ListRolesRequest());
        EMULATOR.send(root, detachInstanceRamRole("AppRole", instance));
        ClientException afterUnbind = assertThrows(ClientException.class, () -> provider("AppRole").getCredentials());

        assertEquals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/approle/" + instance, arn);
        assertEquals(1, visible);
        assertEquals("NoPermission", notAllowed.getErrCode());
        assertTrue(afterUnbind.getMessage().contains("The role name was not found in the instance"),
                afterUnbind.getMessage());
    }

    @Test
    void metadataListenerServesTheSelectedOrElseTheLastBoundInstance() throws Exception {
        EMULATOR.send(root, createRole("OtherRole", TrustPolicies.ecs()));
        String later = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou"));
        EMULATOR.send(root, attachInstanceRamRole("OtherRole", later));
        String root = "http://127.0.0.1:" + EMULATOR.emulator().metadataPort();

        String lastBound = get(root + CREDENTIALS).body();
        EMULATOR.control().selectMetadataInstance(instance);
        String selected = get(root + CREDENTIALS).body();
        AlibabaCloudCredentials credentials = provider("AppRole").getCredentials();

        assertEquals("OtherRole", lastBound);
        assertEquals("AppRole", selected);
        assertTrue(credentials.getAccessKeyId().startsWith("STS."));
        assertEquals(404, get(root + "/not-metadata").statusCode());
        assertEquals("NotFound", assertThrows(EmulatorControlException.class,
                () -> EMULATOR.control().selectMetadataInstance("i-missing")).code());
    }

    @Test
    void credentialsUriAnswersWhatTheCredentialsLibraryExpects() throws Exception {
        JsonNode json = EMULATOR.control().instanceCredentials(instance);
        HttpResponse<String> raw = get(EMULATOR.control().credentialsUri(instance));

        assertEquals("Success", json.path("Code").asText());
        assertTrue(json.path("AccessKeyId").asText().startsWith("STS."));
        assertTrue(json.hasNonNull("AccessKeySecret") && json.hasNonNull("SecurityToken") && json.hasNonNull("Expiration"));
        assertEquals(200, raw.statusCode());
        EMULATOR.send(root, detachInstanceRamRole(null, instance));
        assertEquals(404, get(EMULATOR.control().credentialsUri(instance)).statusCode());
    }

    @Test
    void attachPolicyNarrowsTheInstanceCredentials() throws Exception {
        String narrowed = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou"));
        AttachInstanceRamRoleRequest attach = attachInstanceRamRole("AppRole", narrowed);
        attach.setPolicy(policy("Allow", "ecs:DescribeInstances", "*"));
        EMULATOR.send(root, attach);
        JsonNode json = EMULATOR.control().instanceCredentials(narrowed);
        DefaultAcsClient asInstance = SdkClients.client(json.path("AccessKeyId").asText(),
                json.path("AccessKeySecret").asText(), json.path("SecurityToken").asText(), EmulatorExtension.REGION);
        DescribeInstanceRamRoleRequest describeRoles = new DescribeInstanceRamRoleRequest();
        describeRoles.setRamRoleName("AppRole");

        assertEquals(2, EMULATOR.send(asInstance, new DescribeInstancesRequest()).getTotalCount());
        assertEquals("Forbidden.RAM", EMULATOR.failure(asInstance, describeRoles).getErrCode());
    }

    @Test
    void credentialLifetimeIsSettable() throws Exception {
        EMULATOR.control().setCredentialLifetime(Duration.ofMinutes(30));
        String fresh = EMULATOR.control().createInstance(NewInstance.vpc("cn-hangzhou"));
        EMULATOR.send(root, attachInstanceRamRole("AppRole", fresh));

        JsonNode json = EMULATOR.control().instanceCredentials(fresh);

        assertEquals(Duration.ofMinutes(30), Duration.between(Instant.parse(json.path("LastUpdated").asText()),
                Instant.parse(json.path("Expiration").asText())));
    }

    /** The reference's way to point the provider elsewhere: deprecated "for testing", and working. */
    @SuppressWarnings("deprecation")
    private static InstanceProfileCredentialsProvider provider(String roleName) {
        return new InstanceProfileCredentialsProvider(roleName).withFetcher(new ECSMetadataServiceCredentialsFetcher()
                .withECSMetadataServiceHost("127.0.0.1:" + EMULATOR.emulator().metadataPort()));
    }

    private static String perInstance(String instanceId, String path) {
        return EMULATOR.emulator().baseUrl() + "/_emulator/metadata/" + instanceId + path;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return get(url, null);
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("X-aliyun-ecs-metadata-token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String url, String ttl, boolean forwarded) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.noBody());
        if (ttl != null) {
            request.header("X-aliyun-ecs-metadata-token-ttl-seconds", ttl);
        }
        if (forwarded) {
            request.header("X-Forwarded-For", "10.0.0.1");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
