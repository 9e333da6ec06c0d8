package io.instancerole.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a principal asks to do: an action on a resource, with the request's condition keys. */
public final class AuthorizationRequest {
    private final String action;
    private final String resource;
    private final Map<String, List<String>> context;

    /**
     * @param action   e.g. {@code ecs:AttachInstanceRamRole}
     * @param resource an ARN, e.g. {@code acs:ecs:cn-hangzhou:1234567890123456:instance/i-abc}
     * @param context  condition keys (lower-cased names, e.g. {@code acs:sourceip}, {@code ecs:tag/team}) and their values
     */
    public AuthorizationRequest(String action, String resource, Map<String, List<String>> context) {
        this.action = Objects.requireNonNull(action, "action");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.context = Map.copyOf(context);
    }

    public String action() { return action; }
    public String resource() { return resource; }
    public Map<String, List<String>> context() { return context; }
}
