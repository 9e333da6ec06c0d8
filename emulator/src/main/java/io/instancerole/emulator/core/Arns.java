package io.instancerole.emulator.core;

import java.util.Locale;

/** The ARNs the emulator writes and authorizes against. */
public final class Arns {
    private Arns() {}

    /**
     * The role's identifier ARN, as CreateRole/GetRole return it. Chosen here: the role name is
     * lower-cased, as in the ARNs real deploy logs and error messages show (the docs keep the case;
     * the reference marks this UNVERIFIED but likely).
     */
    public static String roleArn(String accountId, String roleName) {
        return "acs:ram::" + accountId + ":role/" + roleName.toLowerCase(Locale.ROOT);
    }

    /** A role as a policy Resource ({@code acs:ram:*:<account>:role/<name>}); compared case-insensitively. */
    public static String roleResource(String accountId, String roleName) {
        return "acs:ram:*:" + accountId + ":role/" + roleName;
    }

    public static String policyResource(String accountId, String policyName) {
        return "acs:ram:*:" + accountId + ":policy/" + policyName;
    }

    public static String userResource(String accountId, String userName) {
        return "acs:ram:*:" + accountId + ":user/" + userName;
    }

    public static String instanceResource(String regionId, String accountId, String instanceId) {
        return "acs:ecs:" + regionId + ":" + accountId + ":instance/" + instanceId;
    }

    public static String rootArn(String accountId) {
        return "acs:ram::" + accountId + ":root";
    }

    public static String userArn(String accountId, String userName) {
        return "acs:ram::" + accountId + ":user/" + userName;
    }

    public static String assumedRoleArn(String accountId, String roleName, String sessionName) {
        return "acs:ram::" + accountId + ":assumed-role/" + roleName.toLowerCase(Locale.ROOT) + "/" + sessionName;
    }
}
