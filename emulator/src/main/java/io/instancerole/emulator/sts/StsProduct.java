package io.instancerole.emulator.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Arns;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.core.Times;
import io.instancerole.policy.PolicyGrammar;
import io.instancerole.policy.TrustPolicyEvaluator;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.rpc.Principal;
import io.instancerole.emulator.rpc.Product;
import io.instancerole.emulator.state.Role;
import io.instancerole.emulator.state.Session;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** STS, version 2015-04-01: GetCallerIdentity and AssumeRole. */
public final class StsProduct {
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::(\\d+):role/([^/]+)");
    /** Current docs allow 2..64 characters (older ones said 32; reference 2, UNVERIFIED): 64 chosen. */
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_-]{2,64}");
    private static final long MIN_DURATION = 900;
    private static final long DEFAULT_DURATION = 3600;
    private static final int MAX_SESSION_POLICY = 1024;

    private StsProduct() {}

    public static Product create() {
        return new Product("Sts", "2015-04-01", "sts.aliyuncs.com", "NoPermission",
                "You are not authorized to do this action. You should be authorized by RAM.",
                Map.of("GetCallerIdentity", StsProduct::getCallerIdentity, "AssumeRole", StsProduct::assumeRole));
    }

    private static ObjectNode getCallerIdentity(Call call) {
        Principal principal = call.principal();
        ObjectNode body = Json.object();
        body.put("AccountId", call.accountId());
        body.put("Arn", principal.arn());
        switch (principal.kind()) {
            case ROOT:
                body.put("IdentityType", "Account");
                body.put("UserId", call.accountId());
                body.put("PrincipalId", call.accountId());
                break;
            case USER:
                body.put("IdentityType", "RAMUser");
                body.put("UserId", principal.user().id());
                body.put("PrincipalId", principal.user().id());
                break;
            default:
                Session session = principal.session();
                String assumedRoleId = session.roleId() + ":" + session.sessionName();
                body.put("IdentityType", "AssumedRoleUser");
                body.put("RoleId", session.roleId());
                body.put("UserId", assumedRoleId);
                body.put("PrincipalId", assumedRoleId);
                break;
        }
        return body;
    }

    private static ObjectNode assumeRole(Call call) {
        String roleArn = call.required("RoleArn");
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw ApiException.invalidParameter("InvalidParameter.RoleArn",
                    "The parameter RoleArn is not a role ARN (acs:ram::<accountId>:role/<roleName>): \"" + roleArn + "\".");
        }
        String sessionName = call.required("RoleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw ApiException.invalidParameter("InvalidParameter.RoleSessionName",
                    "The parameter RoleSessionName must be 2 to 64 letters, digits, '.', '@', '_' or '-': \""
                            + sessionName + "\".");
        }
        long duration = duration(call.param("DurationSeconds"));
        String policy = call.param("Policy");
        if (policy != null) {
            if (policy.length() > MAX_SESSION_POLICY) {
                throw ApiException.invalidParameter("InvalidParameter.PolicySize",
                        "The parameter Policy must be at most " + MAX_SESSION_POLICY + " characters long.");
            }
            PolicyGrammar.checkPermissionPolicy(policy).ifPresent(reason -> {
                throw ApiException.invalidParameter("InvalidParameter.PolicyGrammar",
                        "The parameter Policy is not a valid policy document: " + reason);
            });
        }
        String roleName = arn.group(2);
        call.authorize("sts:AssumeRole", Arns.roleResource(arn.group(1), roleName));
        Role role = call.state().role(roleName).filter(r -> arn.group(1).equals(call.accountId()))
                .orElseThrow(() -> new ApiException(404, "EntityNotExist.Role", "The role not exists: " + roleArn + "."));
        if (duration > role.maxSessionDuration()) {
            throw ApiException.invalidParameter("InvalidParameter.DurationSeconds", "The parameter DurationSeconds must be "
                    + MIN_DURATION + " to the role's MaxSessionDuration " + role.maxSessionDuration() + ": " + duration + ".");
        }
        if (!TrustPolicyEvaluator.trustsRamPrincipal(Json.parseOrNull(role.trustDocument()), call.accountId(),
                call.principal().arn())) {
            throw new ApiException(403, "NoPermission", "You are not authorized to do this action. The trust policy of role "
                    + role.name() + " does not let " + call.principal().arn() + " assume it.");
        }
        Session session = call.state().issueSession(role, sessionName, policy, Duration.ofSeconds(duration));
        ObjectNode body = Json.object();
        ObjectNode credentials = body.putObject("Credentials");
        credentials.put("AccessKeyId", session.accessKeyId());
        credentials.put("AccessKeySecret", session.accessKeySecret());
        credentials.put("SecurityToken", session.securityToken());
        credentials.put("Expiration", Times.iso(session.expiration()));
        ObjectNode user = body.putObject("AssumedRoleUser");
        user.put("Arn", Arns.assumedRoleArn(call.accountId(), role.name(), sessionName));
        user.put("AssumedRoleId", role.id() + ":" + sessionName);
        return body;
    }

    private static long duration(String value) {
        if (value == null) {
            return DEFAULT_DURATION;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= MIN_DURATION) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidParameter("InvalidParameter.DurationSeconds",
                "The parameter DurationSeconds must be a number of seconds from " + MIN_DURATION
                        + " to the role's MaxSessionDuration: \"" + value + "\".");
    }
}
