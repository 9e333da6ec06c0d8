package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.client.EmulatorHttp;
import io.instancerole.emulator.rpc.RpcSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The few RAM calls that set up an execution role, signed with the emulator's root key. Plain JDK
 * HTTP rather than the Alibaba Cloud SDK on purpose: {@code invoke} times a function's cold start,
 * and loading the SDK here first would hide the function's own cost of loading it.
 */
final class EmulatorRam {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String endpoint;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final ObjectMapper json;

    EmulatorRam(String endpoint, String accessKeyId, String accessKeySecret, ObjectMapper json) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.json = json;
    }

    boolean roleExists(String roleName) {
        return find("GetRole", Map.of("RoleName", roleName)).isPresent();
    }

    void createRole(String roleName, String trustPolicy, String description) {
        call("CreateRole", Map.of("RoleName", roleName, "AssumeRolePolicyDocument", trustPolicy, "Description", description));
    }

    /** The default version's document of a custom policy, if the policy exists. */
    Optional<String> customPolicyDocument(String policyName) {
        return find("GetPolicy", Map.of("PolicyName", policyName, "PolicyType", "Custom"))
                .map(answer -> answer.path("DefaultPolicyVersion").path("PolicyDocument").asText(null));
    }

    void createPolicy(String policyName, String document, String description) {
        call("CreatePolicy", Map.of("PolicyName", policyName, "PolicyDocument", document, "Description", description));
    }

    /** A new default version, rotating out the oldest at RAM's limit of five. */
    void replacePolicyDocument(String policyName, String document) {
        call("CreatePolicyVersion", Map.of("PolicyName", policyName, "PolicyDocument", document, "SetAsDefault", "true",
                "RotateStrategy", "DeleteOldestNonDefaultVersionWhenLimitExceeded"));
    }

    /** Each attached policy as {@code {"PolicyName", "PolicyType"}}. */
    List<JsonNode> policiesForRole(String roleName) {
        List<JsonNode> policies = new ArrayList<>();
        call("ListPoliciesForRole", Map.of("RoleName", roleName)).path("Policies").path("Policy").forEach(policies::add);
        return policies;
    }

    void attachPolicyToRole(String policyType, String policyName, String roleName) {
        call("AttachPolicyToRole", Map.of("PolicyType", policyType, "PolicyName", policyName, "RoleName", roleName));
    }

    private JsonNode call(String action, Map<String, String> parameters) {
        EmulatorHttp.Response response = send(action, parameters);
        JsonNode body = body(response);
        if (response.status() / 100 != 2) {
            throw failure(action, body);
        }
        return body;
    }

    /** The answer, or empty when RAM says the entity does not exist. */
    private Optional<JsonNode> find(String action, Map<String, String> parameters) {
        EmulatorHttp.Response response = send(action, parameters);
        JsonNode body = body(response);
        if (response.status() / 100 == 2) {
            return Optional.of(body);
        }
        if (body.path("Code").asText().startsWith("EntityNotExist")) {
            return Optional.empty();
        }
        throw failure(action, body);
    }

    private EmulatorHttp.Response send(String action, Map<String, String> actionParameters) {
        Map<String, String> parameters = new LinkedHashMap<>(actionParameters);
        parameters.put("Action", action);
        parameters.put("Version", "2015-05-01");
        parameters.put("Format", "JSON");
        parameters.put("AccessKeyId", accessKeyId);
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString().replace("-", ""));
        parameters.put("Timestamp", ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP));
        parameters.put("RegionId", DemoAccount.REGION);
        parameters.put(RpcSignature.SIGNATURE, RpcSignature.sign(RpcSignature.stringToSign("POST", parameters), accessKeySecret));
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        try {
            return EmulatorHttp.send("POST", URI.create("http://" + endpoint + "/?" + query),
                    Map.of("Accept", "application/json"), new byte[0], TIMEOUT);
        } catch (IOException e) {
            throw new StartupException("the emulator at " + endpoint + " did not answer RAM " + action + ": " + e.getMessage(), e);
        }
    }

    private JsonNode body(EmulatorHttp.Response response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body == null ? json.createObjectNode() : body;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static StartupException failure(String action, JsonNode error) {
        return new StartupException("RAM " + action + " failed: " + error.path("Code").asText("(no code)") + ": "
                + error.path("Message").asText(""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
