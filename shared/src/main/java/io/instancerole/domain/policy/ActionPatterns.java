package io.instancerole.domain.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The syntax of Action values ({@code <service>:<Action>}, wildcards allowed) and what a pattern covers. */
final class ActionPatterns {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_*?-]+:[A-Za-z0-9_*?]+");

    /** The actions of this product's workflow, exactly as the APIs spell them. */
    private static final Map<String, String> WORKFLOW_ACTIONS = List.of(
            "ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole", "ecs:DescribeInstanceRamRole",
            "ecs:DescribeInstances",
            "ram:PassRole", "ram:GetRole", "ram:CreateRole", "ram:UpdateRole", "ram:DeleteRole", "ram:ListRoles",
            "ram:GetPolicy", "ram:CreatePolicy", "ram:DeletePolicy", "ram:GetPolicyVersion",
            "ram:CreatePolicyVersion", "ram:DeletePolicyVersion", "ram:ListPolicyVersions",
            "ram:SetDefaultPolicyVersion", "ram:AttachPolicyToRole", "ram:DetachPolicyFromRole",
            "ram:ListPoliciesForRole", "ram:GetUser", "ram:AttachPolicyToUser", "ram:DetachPolicyFromUser",
            "ram:ListPoliciesForUser",
            "sts:AssumeRole", "sts:GetCallerIdentity")
            .stream().collect(Collectors.toUnmodifiableMap(a -> a.toLowerCase(Locale.ROOT), Function.identity()));

    private ActionPatterns() {}

    /** Empty when the value is {@code *} or {@code <service>:<Action>}; else what to write instead. */
    static Optional<String> problem(String action) {
        if (isWellFormed(action)) return Optional.empty();
        String squeezed = action.replaceAll("\\s+", "");
        String fix = isWellFormed(squeezed) && !squeezed.equals(action)
                ? "write \"" + squeezed + "\""
                : "write it as <service>:<Action>, e.g. \"ecs:DescribeInstances\","
                        + " or \"ecs:Describe*\" for a family of actions";
        return Optional.of("\"" + action + "\" is not an action of the form <service>:<Action> without spaces: "
                + fix + ".");
    }

    /** The exact spelling when a workflow action is written in another case (matching ignores case, readers do not). */
    static Optional<String> workflowSpelling(String action) {
        String exact = WORKFLOW_ACTIONS.get(action.toLowerCase(Locale.ROOT));
        return exact == null || exact.equals(action) ? Optional.empty() : Optional.of(exact);
    }

    static boolean coversEveryAction(String pattern) {
        return Glob.coversEvery(pattern, "", ":", "");
    }

    static boolean coversEveryActionOf(String pattern, String service) {
        return Glob.coversEvery(pattern, service + ":", "");
    }

    /** The service part when it is a plain name (no wildcard), e.g. "oss" for "oss:Get*". */
    static Optional<String> literalService(String pattern) {
        int colon = pattern.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String service = pattern.substring(0, colon);
        return service.contains("*") || service.contains("?")
                ? Optional.empty() : Optional.of(service.toLowerCase(Locale.ROOT));
    }

    private static boolean isWellFormed(String action) {
        return action.equals("*") || FORMAT.matcher(action).matches();
    }
}
