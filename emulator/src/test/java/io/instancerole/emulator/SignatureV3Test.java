package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.openapiutil.Client;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.GetRoleRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.TeaClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signature V3 checks. Requests are signed by the Tea SDK's own signer ({@code openapiutil}) and
 * then sent, possibly altered, over raw HTTP, so each check sees exactly one thing wrong.
 */
class SignatureV3Test {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private static final String FORM = "application/x-www-form-urlencoded";

    @BeforeEach
    void role() throws Exception {
        TeaClients.ram(TeaClients.config(EMULATOR.endpoint(), EMULATOR.emulator().rootAccessKeyId(),
                EMULATOR.emulator().rootAccessKeySecret())).createRole(new CreateRoleRequest().setRoleName("signed")
                .setAssumeRolePolicyDocument(TrustPolicies.ecs()));
    }

    @Test
    void formBodyParametersAreSignedThroughTheContentHash() throws Exception {
        JsonNode answer = send(signed("RoleName=signed", rootSecret(), Instant.now()), UnaryOperator.identity(), 200);
        assertEquals("signed", answer.path("Role").path("RoleName").asText());
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() throws Exception {
        JsonNode answer = send(signed("RoleName=signed", rootSecret() + "x", Instant.now()), UnaryOperator.identity(), 400);
        assertEquals("SignatureDoesNotMatch", answer.path("Code").asText());
        assertTrue(answer.path("Message").asText().contains("ACS3-HMAC-SHA256\n"), answer.toString());
    }

    @Test
    void theSdkReportsAWrongSecretAsSignatureDoesNotMatch() throws Exception {
        TeaException e = assertThrows(TeaException.class, () -> TeaClients.ram(TeaClients.config(EMULATOR.endpoint(),
                EMULATOR.emulator().rootAccessKeyId(), rootSecret() + "x")).getRole(new GetRoleRequest().setRoleName("signed")));
        assertEquals("SignatureDoesNotMatch", e.getCode());
    }

    @Test
    void signedHeaderChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
        JsonNode answer = send(signed("RoleName=signed", rootSecret(), Instant.now()),
                r -> r.setHeader("x-acs-signature-nonce", UUID.randomUUID().toString()), 400);
        assertEquals("SignatureDoesNotMatch", answer.path("Code").asText());
    }

    @Test
    void bodyChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
        Signed request = signed("RoleName=signed", rootSecret(), Instant.now());
        Signed changed = new Signed(request.headers, "RoleName=other");
        assertEquals("SignatureDoesNotMatch", send(changed, UnaryOperator.identity(), 400).path("Code").asText());
    }

    @Test
    void staleDateIsInvalidTimeStampExpired() throws Exception {
        JsonNode answer = send(signed("RoleName=signed", rootSecret(), Instant.now().minus(20, ChronoUnit.MINUTES)),
                UnaryOperator.identity(), 400);
        assertEquals("InvalidTimeStamp.Expired", answer.path("Code").asText());
    }

    @Test
    void reusedNonceIsSignatureNonceUsed() throws Exception {
        Signed request = signed("RoleName=signed", rootSecret(), Instant.now());
        send(request, UnaryOperator.identity(), 200);
        assertEquals("SignatureNonceUsed", send(request, UnaryOperator.identity(), 400).path("Code").asText());
    }

    @Test
    void unknownKeyIsInvalidAccessKeyIdNotFound() throws Exception {
        Signed request = signed("RoleName=signed", rootSecret(), Instant.now(), "LTAI5tNoSuchKey000000000");
        assertEquals("InvalidAccessKeyId.NotFound", send(request, UnaryOperator.identity(), 404).path("Code").asText());
    }

    @Test
    void anUnsignedAcsHeaderIsRefused() throws Exception {
        JsonNode answer = send(signed("RoleName=signed", rootSecret(), Instant.now()),
                r -> r.header("x-acs-security-token", "CAISslippedIn"), 400);
        assertEquals("IncompleteSignature", answer.path("Code").asText());
    }

    private static String rootSecret() {
        return EMULATOR.emulator().rootAccessKeySecret();
    }

    private static Signed signed(String form, String secret, Instant date) throws Exception {
        return signed(form, secret, date, EMULATOR.emulator().rootAccessKeyId());
    }

    /** A RAM GetRole call with its parameters in a form body, signed as the Tea SDK signs. */
    private static Signed signed(String form, String secret, Instant date, String accessKeyId) throws Exception {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String hash = Client.hexEncode(Client.hash(body, "ACS3-HMAC-SHA256"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", EMULATOR.endpoint());
        headers.put("x-acs-action", "GetRole");
        headers.put("x-acs-version", "2015-05-01");
        headers.put("x-acs-date", date.truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        headers.put("x-acs-content-sha256", hash);
        headers.put("content-type", FORM);
        TeaRequest tea = TeaRequest.create();
        tea.method = "POST";
        tea.pathname = "/";
        tea.headers = new LinkedHashMap<>(headers);
        tea.query = new LinkedHashMap<>();
        headers.put("Authorization", Client.getAuthorization(tea, "ACS3-HMAC-SHA256", hash, accessKeyId, secret));
        return new Signed(headers, form);
    }

    private static JsonNode send(Signed signed, UnaryOperator<HttpRequest.Builder> alter, int status) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(EMULATOR.emulator().baseUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(signed.body));
        signed.headers.forEach((name, value) -> {
            if (!"host".equals(name)) {
                builder.header(name, value); // the client writes the same Host itself
            }
        });
        HttpResponse<String> response = HTTP.send(alter.apply(builder).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }

    private static final class Signed {
        final Map<String, String> headers;
        final String body;

        Signed(Map<String, String> headers, String body) {
            this.headers = headers;
            this.body = body;
        }
    }
}
