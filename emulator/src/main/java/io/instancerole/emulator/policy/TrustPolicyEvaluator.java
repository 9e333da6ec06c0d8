package io.instancerole.emulator.policy;

import com.fasterxml.jackson.databind.JsonNode;

/** Evaluates a role's trust policy (AssumeRolePolicyDocument) for sts:AssumeRole by a principal. */
public final class TrustPolicyEvaluator {
    private TrustPolicyEvaluator() {}

    /** True when the trust policy lets {@code serviceName} (e.g. {@code ecs.aliyuncs.com}) assume the role. */
    public static boolean trustsService(JsonNode trustPolicy, String serviceName) {
        throw new UnsupportedOperationException("built by the policy evaluator work");
    }

    /**
     * True when the trust policy lets a RAM principal of the account assume the role: {@code principalArn}
     * is {@code acs:ram::<account>:root}, {@code acs:ram::<account>:user/<name>} or
     * {@code acs:ram::<account>:assumed-role/<role>/<session>}.
     */
    public static boolean trustsRamPrincipal(JsonNode trustPolicy, String accountId, String principalArn) {
        throw new UnsupportedOperationException("built by the policy evaluator work");
    }
}
