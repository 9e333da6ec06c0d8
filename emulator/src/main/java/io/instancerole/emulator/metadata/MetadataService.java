package io.instancerole.emulator.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.emulator.http.HttpRequest;
import io.instancerole.emulator.http.HttpResponse;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.Instance;
import io.instancerole.emulator.state.Role;
import io.instancerole.emulator.state.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The paths of {@code 100.100.100.200} for one instance: the bound role's name, its credentials,
 * hardened-mode tokens, the instance id and region.
 */
public final class MetadataService {
    static final String TOKEN_HEADER = "X-aliyun-ecs-metadata-token";
    static final String TTL_HEADER = "X-aliyun-ecs-metadata-token-ttl-seconds";
    private static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials";
    private static final long MAX_TOKEN_TTL = 21600;

    private final CloudState state;

    public MetadataService(CloudState state) {
        this.state = state;
    }

    /** Serves {@code path} (starting {@code /latest/}) for {@code instanceId}. */
    public HttpResponse serve(HttpRequest request, String instanceId, String path) {
        Answer answer;
        synchronized (state) {
            answer = answer(request, instanceId, path);
        }
        return HttpResponse.of(answer.status, answer.json ? HttpResponse.JSON_TYPE : HttpResponse.TEXT_TYPE,
                answer.body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The JSON of the credentials of the instance's role (as the metadata service and
     * {@code ALIBABA_CLOUD_CREDENTIALS_URI} give it), or empty when no (existing) role is bound.
     * Called under the state lock.
     */
    public Optional<ObjectNode> credentials(String instanceId) {
        Optional<Instance> instance = state.instance(instanceId);
        if (instance.isEmpty() || instance.get().ramRoleName() == null) {
            return Optional.empty();
        }
        Optional<Role> role = state.role(instance.get().ramRoleName());
        return role.map(r -> credentialsJson(sessionFor(instance.get(), r)));
    }

    private Answer answer(HttpRequest request, String instanceId, String path) {
        Optional<Instance> found = state.instance(instanceId);
        if (found.isEmpty()) {
            return Answer.notFound();
        }
        Instance instance = found.get();
        if (Instance.HTTP_ENDPOINT_DISABLED.equals(instance.httpEndpoint())) {
            // chosen here: ECS documents that a disabled endpoint serves nothing, not what a client then sees
            return Answer.text(403, "403 - Forbidden: the metadata endpoint of this instance is disabled");
        }
        String method = request.method();
        if ("/latest/api/token".equals(path)) {
            return "PUT".equals(method) ? issueToken(request, instanceId) : Answer.text(405, "405 - Method Not Allowed");
        }
        if (!"GET".equals(method)) {
            return Answer.text(405, "405 - Method Not Allowed");
        }
        String token = request.header(TOKEN_HEADER);
        boolean hardened = Instance.HTTP_TOKENS_REQUIRED.equals(instance.httpTokens());
        if ((token == null && hardened) || (token != null && !state.metadataTokenValid(token, instanceId))) {
            return Answer.text(401, "401 - Unauthorized");
        }
        switch (path) {
            case "/latest/meta-data/instance-id":
                return Answer.text(200, instance.id());
            case "/latest/meta-data/region-id":
                return Answer.text(200, instance.regionId());
            case CREDENTIALS_PATH:
            case CREDENTIALS_PATH + "/":
                // the SDK uses the body as-is: no trailing newline
                return instance.ramRoleName() == null ? Answer.notFound() : Answer.text(200, instance.ramRoleName());
            default:
                break;
        }
        if (path.startsWith(CREDENTIALS_PATH + "/") && instance.ramRoleName() != null
                && instance.ramRoleName().equals(path.substring(CREDENTIALS_PATH.length() + 1))) {
            return credentials(instanceId).map(json -> new Answer(200, Json.text(json), true)).orElseGet(Answer::notFound);
        }
        return Answer.notFound();
    }

    private Answer issueToken(HttpRequest request, String instanceId) {
        if (request.header("X-Forwarded-For") != null) {
            return Answer.text(403, "403 - Forbidden: token requests must not be forwarded");
        }
        String ttl = request.header(TTL_HEADER);
        long seconds;
        try {
            seconds = ttl == null ? -1 : Long.parseLong(ttl.trim());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_TOKEN_TTL) {
            return Answer.text(400, "400 - Bad Request: " + TTL_HEADER + " must be 1 to " + MAX_TOKEN_TTL);
        }
        return Answer.text(200, state.issueMetadataToken(instanceId, Duration.ofSeconds(seconds)));
    }

    /** Reuses the instance's session until less than half its lifetime remains, as ECS rotates ahead of expiry. */
    private Session sessionFor(Instance instance, Role role) {
        Duration lifetime = state.settings().credentialLifetime();
        Session current = instance.metadataSession();
        if (current == null || Duration.between(state.now(), current.expiration()).compareTo(lifetime.dividedBy(2)) < 0) {
            current = state.issueSession(role, instance.id(), instance.ramRolePolicy(), lifetime);
            instance.setMetadataSession(current);
        }
        return current;
    }

    private static ObjectNode credentialsJson(Session session) {
        ObjectNode json = Json.object();
        json.put("AccessKeyId", session.accessKeyId());
        json.put("AccessKeySecret", session.accessKeySecret());
        json.put("Expiration", Times.iso(session.expiration()));
        json.put("SecurityToken", session.securityToken());
        json.put("LastUpdated", Times.iso(session.issuedAt()));
        json.put("Code", "Success");
        return json;
    }

    private static final class Answer {
        final int status;
        final String body;
        final boolean json;

        Answer(int status, String body, boolean json) {
            this.status = status;
            this.body = body;
            this.json = json;
        }

        static Answer text(int status, String body) {
            return new Answer(status, body, false);
        }

        static Answer notFound() {
            return text(404, "404 - Not Found");
        }
    }
}
