package io.instancerole.emulator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A client of the emulator's control API ({@code /_emulator/...}), for tests and the local stack. */
public final class EmulatorControl {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param baseUrl the emulator's API URL, e.g. {@code http://127.0.0.1:8081} */
    public EmulatorControl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Account account() {
        JsonNode json = call("GET", "/account", null);
        return new Account(json.path("accountId").asText(), json.path("rootAccessKeyId").asText(),
                json.path("rootAccessKeySecret").asText());
    }

    /** Creates an instance and returns its id. */
    public String createInstance(NewInstance instance) {
        return call("POST", "/instances", instance.toJson(mapper)).path("instanceId").asText();
    }

    /** Creates the RAM user if it does not exist and gives it a new AccessKey. */
    public UserKeys createUser(String userName) {
        JsonNode json = call("POST", "/users", mapper.createObjectNode().put("userName", userName));
        return new UserKeys(json.path("userName").asText(), json.path("accessKeyId").asText(),
                json.path("accessKeySecret").asText());
    }

    /** Credentials of the role as Function Compute ({@code fc.aliyuncs.com}) would get them. */
    public SessionCredentials serviceCredentials(String roleName) {
        return serviceCredentials(roleName, null);
    }

    /** Credentials of the role as {@code service} would get them; refused unless the role trusts it. */
    public SessionCredentials serviceCredentials(String roleName, String service) {
        ObjectNode body = mapper.createObjectNode().put("roleName", roleName);
        if (service != null) {
            body.put("service", service);
        }
        return sessionCredentials(call("POST", "/service-credentials", body));
    }

    public void addFault(FaultSpec fault) {
        call("POST", "/faults", fault.toJson(mapper));
    }

    public void clearFaults() {
        call("DELETE", "/faults", null);
    }

    /** A new role becomes visible to ECS only this long after it was created. */
    public JsonNode setPropagationDelay(Duration delay) {
        return call("POST", "/settings", mapper.createObjectNode().put("propagationDelayMs", delay.toMillis()));
    }

    /** Lifetime of metadata-service and service credentials (default 6 hours). */
    public JsonNode setCredentialLifetime(Duration lifetime) {
        return call("POST", "/settings", mapper.createObjectNode().put("credentialLifetimeSeconds", lifetime.getSeconds()));
    }

    /**
     * Moves the account's time forward (or back) by {@code offset}: sessions and metadata tokens
     * expire and new roles propagate as if that time had passed, without sleeping. Requests'
     * Timestamps are still checked against the real clock (a client's clock would have moved too).
     */
    public JsonNode setClockOffset(Duration offset) {
        return call("POST", "/settings", mapper.createObjectNode().put("clockOffsetMs", offset.toMillis()));
    }

    /**
     * Every API call then takes {@code latency}, plus or minus up to {@code jitter}, before it answers
     * (concurrent calls are delayed concurrently); {@link Duration#ZERO} for both is the default.
     */
    public JsonNode setLatency(Duration latency, Duration jitter) {
        return call("POST", "/settings", mapper.createObjectNode().put("latencyMs", latency.toMillis())
                .put("latencyJitterMs", jitter.toMillis()));
    }

    public JsonNode settings() {
        return call("GET", "/settings", null);
    }

    /** Roles, custom policies, users, attachments and instances, as the emulator holds them. */
    public JsonNode state() {
        return call("GET", "/state", null);
    }

    /** Every API call received, in order: {@code [{seq, product, action, principal, params, httpStatus, code}]}. */
    public ArrayNode calls() {
        return (ArrayNode) call("GET", "/calls", null).path("calls");
    }

    public void clearCalls() {
        call("DELETE", "/calls", null);
    }

    /** Back to an empty account (system policies and the root key remain). */
    public void reset() {
        call("POST", "/reset", null);
    }

    /** The instance the metadata listener serves; null returns to "the instance most recently bound". */
    public void selectMetadataInstance(String instanceId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("instanceId", instanceId);
        call("POST", "/metadata-instance", body);
    }

    /** What {@code ALIBABA_CLOUD_CREDENTIALS_URI} would answer for the instance. */
    public JsonNode instanceCredentials(String instanceId) {
        return call("GET", "/credentials-uri/" + instanceId, null);
    }

    /** The URL to set as {@code ALIBABA_CLOUD_CREDENTIALS_URI} for the instance. */
    public String credentialsUri(String instanceId) {
        return baseUrl + "/_emulator/credentials-uri/" + instanceId;
    }

    private SessionCredentials sessionCredentials(JsonNode json) {
        return new SessionCredentials(json.path("accessKeyId").asText(), json.path("accessKeySecret").asText(),
                json.path("securityToken").asText(), Instant.parse(json.path("expiration").asText()));
    }

    private JsonNode call(String method, String path, JsonNode body) {
        EmulatorHttp.Response response;
        try {
            response = EmulatorHttp.send(method, URI.create(baseUrl + "/_emulator" + path),
                    body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                    body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8), TIMEOUT);
        } catch (IOException e) {
            throw new EmulatorControlException("cannot reach the emulator at " + baseUrl + ": " + e, e);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json = parse(text);
        if (response.status() >= 300) {
            throw new EmulatorControlException(response.status(), json.path("code").asText(null),
                    method + " /_emulator" + path + " answered " + response.status() + ": "
                            + json.path("message").asText(text));
        }
        return json;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isEmpty()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            return mapper.createObjectNode().put("message", text);
        }
    }
}
