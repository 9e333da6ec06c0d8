package io.instancerole.emulator.testing;

/** Trust policy documents (AssumeRolePolicyDocument) for tests. */
public final class TrustPolicies {
    private TrustPolicies() {}

    /** Only ECS may assume the role: what an instance role has (reference 4.2). */
    public static String ecs() {
        return service("ecs.aliyuncs.com");
    }

    public static String service(String service) {
        return "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\""
                + service + "\"]}}],\"Version\":\"1\"}";
    }

    /** Any RAM principal of the account may assume the role (given sts:AssumeRole permission). */
    public static String account(String accountId) {
        return "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::"
                + accountId + ":root\"]}}],\"Version\":\"1\"}";
    }
}
