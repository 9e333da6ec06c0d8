package io.instancerole.chat;

/**
 * The API's operations a chat command can reach, each named by the function and REST route that
 * serve it, so a command's audit line names the same route as the REST request would.
 */
public enum Operation {
    CREATE_ROLE("createRole", "POST /v1/roles"),
    ATTACH_POLICY("createPolicy", "POST /v1/roles/{roleName}/policy-attachments"),
    BIND_ROLE("bindRole", "POST /v1/role-bindings"),
    UNBIND_ROLE("unbindRole", "POST /v1/role-bindings/unbind"),
    REPLACE_ROLE("replaceRole", "POST /v1/role-bindings/replace"),
    GRANT_PASS_ROLE("grantPassRole", "POST /v1/pass-role-grants"),
    REVOKE_PASS_ROLE("grantPassRole", "POST /v1/pass-role-grants/revoke"),
    DESCRIBE_INSTANCE("describe", "GET /v1/instances/{instanceId}/role"),
    DESCRIBE_ROLE("describe", "GET /v1/roles/{roleName}");

    private final String function;
    private final String route;

    Operation(String function, String route) {
        this.function = function;
        this.route = route;
    }

    /** The function of template.yml that serves this operation over REST. */
    public String function() {
        return function;
    }

    /** The REST route, as the audit line names it. */
    public String route() {
        return route;
    }
}
