package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.ecs20140526.models.AttachInstanceRamRoleRequest;
import com.aliyun.ecs20140526.models.ModifyInstanceMetadataOptionsRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.sts20150401.models.GetCallerIdentityResponse;
import io.instancerole.emulator.client.NewInstance;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TeaClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code credentials-java}'s default chain, unmodified, on an "instance": it asks {@code
 * 100.100.100.200:80}, which the JVM's standard proxy settings send to the emulator's metadata
 * listener (as a forwarding proxy on a real network would); loopback calls stay direct.
 */
class CredentialsChainTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts");
    private final Map<String, String> saved = new HashMap<>();
    private String instance;

    @BeforeEach
    void instanceWithRoleBehindTheProxy() throws Exception {
        TeaClients.ram(root()).createRole(new CreateRoleRequest().setRoleName("ChainRole")
                .setAssumeRolePolicyDocument(TrustPolicies.ecs()));
        instance = EMULATOR.control().createInstance(NewInstance.vpc(EmulatorExtension.REGION));
        TeaClients.ecs(root()).attachInstanceRamRole(new AttachInstanceRamRoleRequest().setRegionId(EmulatorExtension.REGION)
                .setRamRoleName("ChainRole").setInstanceIds("[\"" + instance + "\"]"));
        EMULATOR.control().selectMetadataInstance(instance);
        PROXY_PROPERTIES.forEach(name -> saved.put(name, System.getProperty(name)));
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(EMULATOR.emulator().metadataPort()));
        System.setProperty("http.nonProxyHosts", "localhost|127.*|[::1]");
    }

    @AfterEach
    void restoreProxy() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void defaultChainGetsWorkingInstanceCredentials() throws Exception {
        assertWorkingRoleCredentials(new com.aliyun.credentials.Client().getCredential());
    }

    @Test
    void defaultChainGetsThemInHardenedModeToo() throws Exception {
        TeaClients.ecs(root()).modifyInstanceMetadataOptions(new ModifyInstanceMetadataOptionsRequest()
                .setRegionId(EmulatorExtension.REGION).setInstanceId(instance).setHttpTokens("required"));
        HttpResponse<String> tokenless = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().send(
                HttpRequest.newBuilder(URI.create(EMULATOR.emulator().metadataUrl() + "/latest/meta-data/ram/security-credentials/"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, tokenless.statusCode(), "hardened: the chain must have fetched a token");
        assertWorkingRoleCredentials(new com.aliyun.credentials.Client().getCredential());
    }

    private void assertWorkingRoleCredentials(CredentialModel credentials) throws Exception {
        assertTrue(credentials.getAccessKeyId().startsWith("STS."), credentials.getAccessKeyId());
        GetCallerIdentityResponse identity = TeaClients.sts(TeaClients.config(EMULATOR.endpoint(),
                credentials.getAccessKeyId(), credentials.getAccessKeySecret(), credentials.getSecurityToken()))
                .getCallerIdentity();
        assertTrue(identity.getBody().getArn().equals("acs:ram::" + EMULATOR.accountId() + ":assumed-role/chainrole/" + instance),
                identity.getBody().getArn());
    }

    private static com.aliyun.teaopenapi.models.Config root() {
        return TeaClients.config(EMULATOR.endpoint(), EMULATOR.emulator().rootAccessKeyId(),
                EMULATOR.emulator().rootAccessKeySecret());
    }
}
