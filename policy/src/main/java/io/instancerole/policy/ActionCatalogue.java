package io.instancerole.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The RAM and STS actions (and the ECS actions of this workflow) that action wildcards are expanded
 * against, exactly as the APIs spell them, with what each one changes. {@code ram:Detach*} is judged
 * by the actions it matches here: DetachPolicyFromUser, DetachPolicyFromGroup, DetachPolicyFromRole.
 */
public final class ActionCatalogue {
    /** What an action may change, by the type of RAM resource it is authorized on. */
    public enum Target { USER, GROUP, ROLE, POLICY, ACCOUNT }

    private static final Map<String, Action> BY_LOWER_CASE_NAME = new LinkedHashMap<>();

    static {
        // read-only, and PassRole (which has a rule of its own)
        readOnly("ram:GetUser", "ram:ListUsers", "ram:GetLoginProfile", "ram:ListAccessKeys", "ram:GetUserMFAInfo",
                "ram:ListVirtualMFADevices", "ram:GetGroup", "ram:ListGroups", "ram:ListGroupsForUser",
                "ram:ListUsersForGroup", "ram:GetRole", "ram:ListRoles", "ram:PassRole", "ram:GetPolicy",
                "ram:ListPolicies", "ram:GetPolicyVersion", "ram:ListPolicyVersions", "ram:ListPoliciesForUser",
                "ram:ListPoliciesForGroup", "ram:ListPoliciesForRole", "ram:ListEntitiesForPolicy",
                "ram:ListTagResources", "ram:GetAccountAlias", "ram:GetPasswordPolicy", "ram:GetSecurityPreference",
                "sts:GetCallerIdentity",
                "ecs:DescribeInstances", "ecs:DescribeInstanceRamRole", "ecs:DescribeTags", "ecs:ListTagResources",
                "ecs:DescribeInstanceAttribute", "ecs:StartInstance", "ecs:StopInstance", "ecs:RebootInstance",
                "ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole", "ecs:TagResources", "ecs:UntagResources",
                "ecs:AddTags", "ecs:RemoveTags", "ecs:ModifyInstanceMetadataOptions");
        // identities, keys, login profiles, group memberships, policies, versions, attachments, ownership tags
        changes(EnumSet.of(Target.USER), "ram:CreateUser", "ram:UpdateUser", "ram:DeleteUser", "ram:CreateLoginProfile",
                "ram:UpdateLoginProfile", "ram:DeleteLoginProfile", "ram:CreateAccessKey", "ram:UpdateAccessKey",
                "ram:DeleteAccessKey", "ram:BindMFADevice", "ram:UnbindMFADevice");
        changes(EnumSet.of(Target.GROUP), "ram:CreateGroup", "ram:UpdateGroup", "ram:DeleteGroup");
        changes(EnumSet.of(Target.USER, Target.GROUP), "ram:AddUserToGroup", "ram:RemoveUserFromGroup");
        changes(EnumSet.of(Target.ROLE), "ram:CreateRole", "ram:UpdateRole", "ram:DeleteRole",
                "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithOIDC");
        changes(EnumSet.of(Target.POLICY), "ram:CreatePolicy", "ram:DeletePolicy", "ram:CreatePolicyVersion",
                "ram:DeletePolicyVersion", "ram:SetDefaultPolicyVersion", "ram:UpdatePolicyDescription");
        changes(EnumSet.of(Target.USER, Target.POLICY), "ram:AttachPolicyToUser", "ram:DetachPolicyFromUser");
        changes(EnumSet.of(Target.GROUP, Target.POLICY), "ram:AttachPolicyToGroup", "ram:DetachPolicyFromGroup");
        changes(EnumSet.of(Target.ROLE, Target.POLICY), "ram:AttachPolicyToRole", "ram:DetachPolicyFromRole",
                "ram:TagResources", "ram:UntagResources");
        changes(EnumSet.of(Target.ACCOUNT), "ram:SetSecurityPreference", "ram:SetPasswordPolicy",
                "ram:CreateVirtualMFADevice", "ram:DeleteVirtualMFADevice");
    }

    /** ECS actions that change an instance's tags (and so its owner) or its role. */
    public static final List<String> ECS_OWNERSHIP_ACTIONS = List.of("ecs:TagResources", "ecs:UntagResources",
            "ecs:AddTags", "ecs:RemoveTags", "ecs:AttachInstanceRamRole", "ecs:DetachInstanceRamRole");

    private ActionCatalogue() {}

    /** The exact spelling when {@code action} is a catalogued action written in another case. */
    public static Optional<String> exactSpelling(String action) {
        Action known = BY_LOWER_CASE_NAME.get(action.toLowerCase(Locale.ROOT));
        return known == null || known.name.equals(action) ? Optional.empty() : Optional.of(known.name);
    }

    /** The RAM and STS actions that create, change, detach or delete identities and what grants them, in catalogue order. */
    public static List<String> escalating() {
        return BY_LOWER_CASE_NAME.values().stream().filter(a -> !a.targets.isEmpty()).map(a -> a.name)
                .collect(Collectors.toList());
    }

    /** What an escalating action changes; empty for the others. */
    public static Set<Target> targets(String action) {
        Action known = BY_LOWER_CASE_NAME.get(action.toLowerCase(Locale.ROOT));
        return known == null ? Set.of() : known.targets;
    }

    private static void readOnly(String... names) {
        for (String name : names) {
            BY_LOWER_CASE_NAME.put(name.toLowerCase(Locale.ROOT), new Action(name, EnumSet.noneOf(Target.class)));
        }
    }

    private static void changes(Set<Target> targets, String... names) {
        for (String name : names) {
            BY_LOWER_CASE_NAME.put(name.toLowerCase(Locale.ROOT), new Action(name, targets));
        }
    }

    private static final class Action {
        final String name;
        final Set<Target> targets;

        Action(String name, Set<Target> targets) {
            this.name = name;
            this.targets = Collections.unmodifiableSet(targets.isEmpty() ? EnumSet.noneOf(Target.class) : EnumSet.copyOf(targets));
        }
    }
}
