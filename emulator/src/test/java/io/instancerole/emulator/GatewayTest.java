package io.instancerole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.client.SessionCredentials;
import io.instancerole.emulator.rpc.RpcSignature;
import io.instancerole.emulator.testing.EmulatorExtension;
import io.instancerole.emulator.testing.SdkClients;
import io.instancerole.emulator.testing.TrustPolicies;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway checks, seen through the unmodified SDK (and raw HTTP where the SDK hides the wire). */
class GatewayTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void rootKeyCallsSucceed() throws ClientException {
        GetCallerIdentityResponse identity = EMULATOR.send(EMULATOR.root(), new GetCallerIdentityRequest());

        assertEquals("Account", identity.getIdentityType());
        assertEquals(EMULATOR.accountId(), identity.getAccountId());
        assertEquals("acs:ram::" + EMULATOR.accountId() + ":root", identity.getArn());
        assertTrue(identity.getRequestId().matches("[0-9A-F-]{36}"), identity.getRequestId());
    }

    /** The SDK recognises its own string to sign in the answer and reports a wrong secret as such. */
    @Test
    void wrongSecretIsReportedWithTheServerStringToSign() {
        DefaultAcsClient client = SdkClients.client(EMULATOR.emulator().rootAccessKeyId(), "not-the-secret",
                EmulatorExtension.REGION);

        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(client, new GetCallerIdentityRequest()));

        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
    }

    @Test
    void requestAlteredAfterSigningIsSignatureDoesNotMatch() {
        DefaultAcsClient client = EMULATOR.root();
        client.setHttpClient(RewritingHttpClient.tampering(client.getHttpClient(),
                "RegionId=cn-hangzhou", "RegionId=cn-shanghai"));

        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(client, new GetCallerIdentityRequest()));

        assertEquals("SignatureDoesNotMatch", e.getErrCode());
        assertTrue(e.getErrMsg().contains("server string to sign is:POST&%2F&"), e.getErrMsg());
        assertTrue(e.getErrMsg().contains("RegionId%3Dcn-shanghai"), e.getErrMsg());
    }

    @Test
    void unknownAccessKeyIsNotFound() {
        DefaultAcsClient client = SdkClients.client("LTAI5tNoSuchKey000000000", "secret", EmulatorExtension.REGION);

        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(client, new GetCallerIdentityRequest()));

        assertEquals("InvalidAccessKeyId.NotFound", e.getErrCode());
    }

    @Test
    void replayedNonceIsRefused() {
        DefaultAcsClient client = EMULATOR.root();
        client.setHttpClient(RewritingHttpClient.replaying(client.getHttpClient()));

        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(client, new GetCallerIdentityRequest()));

        assertEquals("SignatureNonceUsed", e.getErrCode());
    }

    @Test
    void timestampMoreThanFifteenMinutesOffIsExpired() throws ClientException {
        assertEquals("InvalidTimeStamp.Expired", withTimestamp(Instant.now().minus(Duration.ofMinutes(16))));
        assertEquals("InvalidTimeStamp.Expired", withTimestamp(Instant.now().plus(Duration.ofMinutes(16))));
        assertEquals("InvalidTimeStamp.Format", withTimestampText("yesterday"));
        // within the window, the request gets as far as the signature (which the rewrite broke)
        assertEquals("SignatureDoesNotMatch", withTimestamp(Instant.now().minus(Duration.ofMinutes(14))));
    }

    /** The account's time moving forward does not make clients' timestamps stale: both clocks move. */
    @Test
    void advancingTheAccountClockKeepsRequestsValid() throws ClientException {
        EMULATOR.control().setClockOffset(Duration.ofHours(7));

        assertEquals("Account", EMULATOR.send(EMULATOR.root(), new GetCallerIdentityRequest()).getIdentityType());
    }

    /** CommonRequest is sent with GET, so this also shows GET accepted. */
    @Test
    void unknownActionIsInvalidApiNotFoundAndGetIsAccepted() throws ClientException {
        DefaultAcsClient client = EMULATOR.root();

        ClientException e = assertThrows(ClientException.class,
                () -> client.getCommonResponse(commonRequest("2015-05-01", "NoSuchAction")));
        CommonResponse ok = client.getCommonResponse(commonRequest("2015-04-01", "GetCallerIdentity"));

        assertEquals("InvalidApi.NotFound", e.getErrCode());
        assertEquals(200, ok.getHttpStatus());
        assertTrue(ok.getData().contains("\"IdentityType\":\"Account\""), ok.getData());
    }

    @Test
    void stsKeyWithoutTokenIsMissingSecurityToken() throws Exception {
        SessionCredentials session = serviceSession();
        DefaultAcsClient withoutToken = SdkClients.client(session.accessKeyId(), session.accessKeySecret(),
                EmulatorExtension.REGION);

        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(withoutToken, new GetCallerIdentityRequest()));

        assertEquals("MissingSecurityToken", e.getErrCode());
    }

    @Test
    void stsKeyWithAnotherTokenIsInvalidSecurityToken() throws Exception {
        SessionCredentials session = serviceSession();
        SessionCredentials other = serviceSession();
        DefaultAcsClient garbled = SdkClients.client(session.accessKeyId(), session.accessKeySecret(), "CAISgarbage",
                EmulatorExtension.REGION);
        DefaultAcsClient mismatched = SdkClients.client(session.accessKeyId(), session.accessKeySecret(),
                other.securityToken(), EmulatorExtension.REGION);

        ClientException malformed = assertThrows(ClientException.class,
                () -> EMULATOR.send(garbled, new GetCallerIdentityRequest()));
        ClientException mismatch = assertThrows(ClientException.class,
                () -> EMULATOR.send(mismatched, new GetCallerIdentityRequest()));

        assertEquals("InvalidSecurityToken.Malformed", malformed.getErrCode());
        assertEquals("InvalidSecurityToken.MismatchWithAccessKey", mismatch.getErrCode());
    }

    @Test
    void expiredSessionIsInvalidSecurityTokenExpired() throws Exception {
        EMULATOR.control().setCredentialLifetime(Duration.ofSeconds(60));
        SessionCredentials session = serviceSession();
        DefaultAcsClient client = SdkClients.client(session.accessKeyId(), session.accessKeySecret(),
                session.securityToken(), EmulatorExtension.REGION);
        assertEquals("AssumedRoleUser", EMULATOR.send(client, new GetCallerIdentityRequest()).getIdentityType());

        EMULATOR.control().setClockOffset(Duration.ofSeconds(61));
        ClientException e = assertThrows(ClientException.class,
                () -> EMULATOR.send(client, new GetCallerIdentityRequest()));

        assertEquals("InvalidSecurityToken.Expired", e.getErrCode());
    }

    @Test
    void errorsAreFlatJsonWithANon2xxStatus() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(EMULATOR.emulator().baseUrl() + "/?Action=GetCallerIdentity&Version=2015-04-01")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = MAPPER.readTree(response.body());

        assertEquals(400, response.statusCode());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("MissingParameter", body.path("Code").asText());
        assertTrue(body.path("Message").asText().contains("AccessKeyId"));
        assertEquals("sts.aliyuncs.com", body.path("HostId").asText());
        assertTrue(body.path("Recommend").asText().startsWith("https://api.aliyun.com/troubleshoot?q=MissingParameter"));
        assertTrue(body.path("RequestId").isTextual());
        assertNull(body.get("Error"));
    }

    @Test
    void badInputIsAClear4xxNeverA500() throws Exception {
        String base = EMULATOR.emulator().baseUrl();
        HttpResponse<String> badEncoding = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=%ZZ")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(1 << 20))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongPath = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ram")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, badEncoding.statusCode());
        assertEquals("InvalidParameter", MAPPER.readTree(badEncoding.body()).path("Code").asText());
        assertEquals(413, tooLarge.statusCode());
        assertEquals(404, wrongPath.statusCode());
        assertEquals("InvalidApi.NotFound", MAPPER.readTree(wrongPath.body()).path("Code").asText());
        assertEquals(400, wrongMethod.statusCode());
        assertEquals("UnsupportedHTTPMethod", MAPPER.readTree(wrongMethod.body()).path("Code").asText());
    }

    /** Server faults are >= 500, which the SDK raises as ServerException. */
    @Test
    void injectedServerFaultIsAServerException() {
        EMULATOR.control().addFault(io.instancerole.emulator.client.FaultSpec.of("GetCallerIdentity",
                "ServiceUnavailable", 503));

        ServerException e = assertThrows(ServerException.class,
                () -> EMULATOR.send(EMULATOR.root(), new GetCallerIdentityRequest()));

        assertEquals("ServiceUnavailable", e.getErrCode());
    }

    @Test
    void formBodyParametersAreAccepted() throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("Action", "GetCallerIdentity");
        params.put("Version", "2015-04-01");
        params.put("Format", "JSON");
        params.put("AccessKeyId", EMULATOR.emulator().rootAccessKeyId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("Signature", RpcSignature.sign(RpcSignature.stringToSign("POST", params),
                EMULATOR.emulator().rootAccessKeySecret()));
        StringJoiner form = new StringJoiner("&");
        params.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(EMULATOR.emulator().baseUrl() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Account", MAPPER.readTree(response.body()).path("IdentityType").asText());
    }

    private static String withTimestamp(Instant timestamp) {
        return withTimestampText(timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The SDK always stamps the current time; the rewrite changes it on the wire, after signing. */
    private static String withTimestampText(String timestamp) {
        DefaultAcsClient client = EMULATOR.root();
        client.setHttpClient(RewritingHttpClient.tampering(client.getHttpClient(), "Timestamp=[^&]*",
                "Timestamp=" + URLEncoder.encode(timestamp, StandardCharsets.UTF_8)));
        return EMULATOR.failure(client, new GetCallerIdentityRequest()).getErrCode();
    }

    private static CommonRequest commonRequest(String version, String action) {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(EMULATOR.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion(version);
        request.setSysAction(action);
        return request;
    }

    private static SessionCredentials serviceSession() throws ClientException {
        CreateRoleRequest create = new CreateRoleRequest();
        String name = "fc-exec-" + UUID.randomUUID().toString().substring(0, 8);
        create.setRoleName(name);
        create.setAssumeRolePolicyDocument(TrustPolicies.service("fc.aliyuncs.com"));
        EMULATOR.send(EMULATOR.root(), create);
        return EMULATOR.control().serviceCredentials(name);
    }
}
