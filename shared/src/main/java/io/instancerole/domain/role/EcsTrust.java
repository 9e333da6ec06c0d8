package io.instancerole.domain.role;

/** What makes a RAM role an instance role: ECS may assume it. */
public final class EcsTrust {
    public static final String SERVICE = "ecs.aliyuncs.com";

    /** The trust policy createRole writes, exactly as the contract states it. */
    public static final String TRUST_POLICY =
            "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    private EcsTrust() {}
}
