package io.instancerole.local;

/**
 * The requests of the README's "Local walkthrough", written once: the end-to-end test sends
 * them, and {@link ReadmeWalkthroughTest} checks the README shows them as written.
 */
final class Walkthrough {
    private Walkthrough() {}

    /** One curl of the walkthrough: as whom, which route, what body (null for a GET). */
    static final class Step {
        final String token;
        final String method;
        final String path;
        final String body;

        private Step(String token, String method, String path, String body) {
            this.token = token;
            this.method = method;
            this.path = path;
            this.body = body;
        }

        static Step post(String token, String path, String body) {
            return new Step(token, "POST", path, body);
        }

        static Step get(String token, String path) {
            return new Step(token, "GET", path, null);
        }

        /** The same request as another caller. */
        Step withToken(String other) {
            return new Step(other, method, path, body);
        }
    }

    static final String TEAM_A = "dev-team-a";

    static final Step CREATE_ROLE = Step.post(TEAM_A, "/v1/roles",
            "{\"roleName\": \"team-a-web\", \"description\": \"web servers of team A\"}");
    static final Step CREATE_POLICY = Step.post(TEAM_A, "/v1/policies",
            "{\"policyName\": \"team-a-web-logs\", \"document\": {\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\","
                    + " \"Action\": [\"oss:GetObject\", \"oss:PutObject\"], \"Resource\": \"acs:oss:*:*:team-a-logs/*\"}]},"
                    + " \"attachToRoles\": [\"team-a-web\"]}");
    static final Step ATTACH_SYSTEM_POLICY = Step.post(TEAM_A, "/v1/roles/team-a-web/policy-attachments",
            "{\"policyName\": \"AliyunECSReadOnlyAccess\", \"policyType\": \"System\"}");
    static final Step BIND_DRY_RUN = Step.post(TEAM_A, "/v1/role-bindings",
            "{\"roleName\": \"team-a-web\", \"instanceIds\": [\"i-demoa1\", \"i-demoa2\"], \"dryRun\": true}");
    static final Step BIND = Step.post(TEAM_A, "/v1/role-bindings",
            "{\"roleName\": \"team-a-web\", \"instanceIds\": [\"i-demoa1\", \"i-demoa2\"]}");
    static final Step DESCRIBE_INSTANCE = Step.get(TEAM_A, "/v1/instances/i-demoa1/role");
    static final Step CREATE_SECOND_ROLE = Step.post(TEAM_A, "/v1/roles", "{\"roleName\": \"team-a-batch\"}");
    static final Step REPLACE = Step.post(TEAM_A, "/v1/role-bindings/replace",
            "{\"roleName\": \"team-a-batch\", \"instanceIds\": [\"i-demoa2\"], \"expectedCurrentRoleName\": \"team-a-web\"}");
    static final Step UNBIND = Step.post(TEAM_A, "/v1/role-bindings/unbind",
            "{\"instanceIds\": [\"i-demoa1\"], \"roleName\": \"team-a-web\"}");
    static final Step GRANT_PASS_ROLE = Step.post(TEAM_A, "/v1/pass-role-grants",
            "{\"userName\": \"deployer\", \"roleNames\": [\"team-a-web\"], \"includeEcsActions\": true}");
    static final Step DESCRIBE_ROLE = Step.get(TEAM_A, "/v1/roles/team-a-web");
    static final Step LIST_ROLES = Step.get(TEAM_A, "/v1/roles");
    static final Step LIST_INSTANCES = Step.get(TEAM_A, "/v1/instances");
    static final Step LIST_ROLE_INSTANCES = Step.get(TEAM_A, "/v1/roles/team-a-batch/instances");
    static final Step LIST_POLICIES = Step.get(TEAM_A, "/v1/policies");
    static final Step LINT = Step.post(TEAM_A, "/v1/policy-lint", "{\"document\": \"{\\\"Version\\\": \\\"1\\\", \\\"Statement\\\":"
            + " [{\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"ecs: DescribeInstances\\\", \\\"Resource\\\": \\\"*\\\"}]}\"}");

    /** The metadata service of instance i-demoa1, through the emulator's per-instance path. */
    static final String METADATA_ROLE_PATH = "/_emulator/metadata/i-demoa1/latest/meta-data/ram/security-credentials/";

    // guardrails
    static final Step BIND_OTHER_TEAMS_INSTANCE = Step.post(TEAM_A, "/v1/role-bindings",
            "{\"roleName\": \"team-a-web\", \"instanceIds\": [\"i-demob1\"]}");
    static final Step DESCRIBE_OTHER_TEAMS_INSTANCE = Step.get(TEAM_A, "/v1/instances/i-demob1/role");
    static final Step BIND_CLASSIC_INSTANCE = Step.post(TEAM_A, "/v1/role-bindings",
            "{\"roleName\": \"team-a-web\", \"instanceIds\": [\"i-democlassic1\"]}");
    static final Step CREATE_OTHER_TEAMS_ROLE = Step.post(TEAM_A, "/v1/roles", "{\"roleName\": \"team-b-web\"}");
    static final Step CREATE_BROAD_POLICY = Step.post(TEAM_A, "/v1/policies",
            "{\"policyName\": \"team-a-everything\", \"document\": {\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\","
                    + " \"Action\": \"*\", \"Resource\": \"*\"}]}}");
    static final Step FORGED_TEAM = Step.post(TEAM_A, "/v1/roles", "{\"roleName\": \"platform-tools\"}");
    static final Step NO_TOKEN = Step.post(null, "/v1/roles", "{\"roleName\": \"team-a-web\"}");

    static final Step[] ALL = {CREATE_ROLE, CREATE_POLICY, ATTACH_SYSTEM_POLICY, BIND_DRY_RUN, BIND, DESCRIBE_INSTANCE,
        CREATE_SECOND_ROLE, REPLACE, UNBIND, GRANT_PASS_ROLE, DESCRIBE_ROLE, LIST_ROLES, LIST_INSTANCES, LIST_ROLE_INSTANCES,
        LIST_POLICIES, LINT, BIND_OTHER_TEAMS_INSTANCE,
        DESCRIBE_OTHER_TEAMS_INSTANCE, BIND_CLASSIC_INSTANCE, CREATE_OTHER_TEAMS_ROLE, CREATE_BROAD_POLICY, FORGED_TEAM, NO_TOKEN};
}
