package io.instancerole.emulator.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.core.Ids;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.emulator.metadata.MetadataService;
import io.instancerole.policy.TrustPolicyEvaluator;
import io.instancerole.emulator.ram.UserActions;
import io.instancerole.emulator.state.AccessKey;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.Fault;
import io.instancerole.emulator.state.Instance;
import io.instancerole.emulator.state.Role;
import io.instancerole.emulator.state.Session;
import io.instancerole.emulator.state.Settings;
import io.instancerole.emulator.state.User;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The control calls' work, each under the state lock. */
final class ControlActions {
    static final String DEFAULT_SERVICE = "fc.aliyuncs.com";
    private static final Set<String> STATUSES = Set.of("Pending", "Running", "Starting", "Stopping", "Stopped");
    private static final Pattern REGION = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_TAGS = 20;
    private static final long MAX_CREDENTIAL_LIFETIME = 43200;
    /** A minute: longer than any real call, short enough that a typo does not hang a test. */
    private static final long MAX_LATENCY_MILLIS = 60_000;

    private final CloudState state;
    private final MetadataService metadata;

    ControlActions(CloudState state, MetadataService metadata) {
        this.state = state;
        this.metadata = metadata;
    }

    ObjectNode account() {
        ObjectNode json = Json.object();
        json.put("accountId", state.accountId());
        json.put("rootAccessKeyId", state.rootKey().id());
        json.put("rootAccessKeySecret", state.rootKey().secret());
        return json;
    }

    ObjectNode createInstance(byte[] body) {
        ControlBody request = ControlBody.parse(body,
                Set.of("regionId", "instanceId", "networkType", "status", "tags", "instanceName"));
        String region = request.requiredText("regionId");
        if (!REGION.matcher(region).matches()) {
            throw new ControlException(400, "InvalidField", "regionId may contain only letters, digits, '_' and '-'.");
        }
        String networkType = orDefault(request.text("networkType"), Instance.VPC);
        if (!Instance.VPC.equals(networkType) && !Instance.CLASSIC.equals(networkType)) {
            throw new ControlException(400, "InvalidField", "networkType must be \"vpc\" or \"classic\".");
        }
        String status = orDefault(request.text("status"), "Running");
        if (!STATUSES.contains(status)) {
            throw new ControlException(400, "InvalidField", "status must be one of " + STATUSES + ".");
        }
        Map<String, String> tags = request.stringMap("tags");
        if (tags.size() > MAX_TAGS) {
            throw new ControlException(400, "InvalidField", "an instance has at most " + MAX_TAGS + " tags.");
        }
        String requestedId = request.text("instanceId");
        if (requestedId != null && !INSTANCE_ID.matcher(requestedId).matches()) {
            throw new ControlException(400, "InvalidField", "instanceId must be 1 to 64 letters, digits or '-'.");
        }
        synchronized (state) {
            String id = requestedId == null ? "i-" + Ids.lowerAlnum(20) : requestedId;
            if (state.instance(id).isPresent()) {
                throw new ControlException(409, "AlreadyExists", "The instance " + id + " already exists.");
            }
            int n = state.instances().size();
            Instance instance = new Instance(id, region, networkType, status, orDefault(request.text("instanceName"), id),
                    tags, (Instance.VPC.equals(networkType) ? "172.16." : "10.0.") + (n / 250) + "." + (n % 250 + 2),
                    state.now());
            state.putInstance(instance);
            return StateView.instance(instance);
        }
    }

    /** Creates the user if it does not exist yet, then gives it a new AccessKey. */
    ObjectNode createUser(byte[] body) {
        String userName = ControlBody.parse(body, Set.of("userName")).requiredText("userName");
        synchronized (state) {
            User user = state.user(userName)
                    .orElseGet(() -> UserActions.create(state, userName, null, null, null, null));
            AccessKey key = state.issueUserKey(user.name());
            ObjectNode json = Json.object();
            json.put("userName", user.name());
            json.put("userId", user.id());
            json.put("accessKeyId", key.id());
            json.put("accessKeySecret", key.secret());
            return json;
        }
    }

    /** A session of the role as if the trusted service had assumed it (Function Compute's execution credentials). */
    ObjectNode serviceCredentials(byte[] body) {
        ControlBody request = ControlBody.parse(body, Set.of("roleName", "service"));
        String roleName = request.requiredText("roleName");
        String service = orDefault(request.text("service"), DEFAULT_SERVICE);
        synchronized (state) {
            Role role = state.role(roleName).orElseThrow(() ->
                    new ControlException(404, "NotFound", "The role " + roleName + " does not exist."));
            if (!TrustPolicyEvaluator.trustsService(Json.parseOrNull(role.trustDocument()), service)) {
                throw new ControlException(403, "NotTrusted",
                        "The trust policy of role " + role.name() + " does not let " + service + " assume it.");
            }
            String sessionName = service.replaceAll("[^A-Za-z0-9.@_-]", "-");
            Session session = state.issueSession(role, sessionName, null, state.settings().credentialLifetime());
            ObjectNode json = Json.object();
            json.put("accessKeyId", session.accessKeyId());
            json.put("accessKeySecret", session.accessKeySecret());
            json.put("securityToken", session.securityToken());
            json.put("expiration", Times.iso(session.expiration()));
            json.put("roleArn", role.arn());
            json.put("assumedRoleArn", Arns.assumedRoleArn(state.accountId(), role.name(), sessionName));
            return json;
        }
    }

    ObjectNode addFault(byte[] body) {
        ControlBody request = ControlBody.parse(body,
                Set.of("action", "code", "httpStatus", "times", "after", "instanceId", "message"));
        String action = request.requiredText("action");
        String code = request.requiredText("code");
        int httpStatus = (int) request.requiredNumber("httpStatus", 400, 599);
        Long times = request.number("times", 1, Integer.MAX_VALUE);
        Long after = request.number("after", 0, Integer.MAX_VALUE);
        String instanceId = request.text("instanceId");
        String message = request.text("message");
        synchronized (state) {
            state.faults().add(new Fault(action, code, httpStatus, times == null ? 1 : times.intValue(),
                    after == null ? 0 : after.intValue(), instanceId, message));
        }
        ObjectNode json = Json.object();
        json.put("action", action);
        json.put("code", code);
        json.put("httpStatus", httpStatus);
        json.put("times", times == null ? 1 : times);
        json.put("after", after == null ? 0 : after);
        json.put("instanceId", instanceId);
        return json;
    }

    /** Applies the given settings (none when {@code body} is null) and answers all of them. */
    ObjectNode settings(byte[] body) {
        synchronized (state) {
            if (body != null) {
                ControlBody request = ControlBody.parse(body,
                        Set.of("propagationDelayMs", "credentialLifetimeSeconds", "clockOffsetMs", "latencyMs", "latencyJitterMs"));
                Long delay = request.number("propagationDelayMs", 0, Long.MAX_VALUE / 2);
                Long lifetime = request.number("credentialLifetimeSeconds", 1, MAX_CREDENTIAL_LIFETIME);
                Long offset = request.number("clockOffsetMs", Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
                Long latency = request.number("latencyMs", 0, MAX_LATENCY_MILLIS);
                Long jitter = request.number("latencyJitterMs", 0, MAX_LATENCY_MILLIS);
                Settings settings = state.settings();
                if (delay != null) {
                    settings.setPropagationDelay(Duration.ofMillis(delay));
                }
                if (lifetime != null) {
                    settings.setCredentialLifetime(Duration.ofSeconds(lifetime));
                }
                if (offset != null) {
                    state.clock().setOffset(Duration.ofMillis(offset));
                }
                if (latency != null) {
                    settings.setLatency(Duration.ofMillis(latency));
                }
                if (jitter != null) {
                    settings.setLatencyJitter(Duration.ofMillis(jitter));
                }
            }
            ObjectNode json = Json.object();
            json.put("propagationDelayMs", state.settings().propagationDelay().toMillis());
            json.put("credentialLifetimeSeconds", state.settings().credentialLifetime().getSeconds());
            json.put("clockOffsetMs", state.clock().offset().toMillis());
            json.put("latencyMs", state.settings().latency().toMillis());
            json.put("latencyJitterMs", state.settings().latencyJitter().toMillis());
            return json;
        }
    }

    /** Selects the instance the metadata listener serves ({@code null} returns to "the last bound"). */
    ObjectNode metadataInstance(byte[] body) {
        synchronized (state) {
            if (body != null) {
                String instanceId = ControlBody.parse(body, Set.of("instanceId")).text("instanceId");
                if (instanceId != null && state.instance(instanceId).isEmpty()) {
                    throw new ControlException(404, "NotFound", "The instance " + instanceId + " does not exist.");
                }
                state.selectMetadataInstance(instanceId);
            }
            ObjectNode json = Json.object();
            json.put("instanceId", state.metadataInstance().orElse(null));
            json.put("selected", state.selectedMetadataInstance().isPresent());
            return json;
        }
    }

    ObjectNode credentialsUri(String instanceId) {
        synchronized (state) {
            if (state.instance(instanceId).isEmpty()) {
                throw new ControlException(404, "NotFound", "The instance " + instanceId + " does not exist.");
            }
            return metadata.credentials(instanceId).orElseThrow(() -> new ControlException(404, "NotFound",
                    "The instance " + instanceId + " has no RAM role bound."));
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
