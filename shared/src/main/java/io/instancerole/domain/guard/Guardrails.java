package io.instancerole.domain.guard;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.config.PublicRegions;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.CaseInsensitiveName;
import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.policy.FindingLevel;
import io.instancerole.domain.policy.LintResult;
import io.instancerole.domain.port.CloudInstance;
import io.instancerole.domain.port.CloudPolicy;
import io.instancerole.domain.port.CloudRole;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.RamResourceType;
import io.instancerole.domain.service.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The deployment's guardrails, one method per rule. A caller whose team is in ADMIN_TEAMS passes
 * every rule except the region rule; everyone else acts only on their team's roles, policies and
 * instances. Refusals name the rule so a person knows what to change; a resource of another team
 * answers exactly as a missing one, so the API cannot be used to probe what other teams have.
 *
 * <p>Ownership of roles and policies is recorded, not guessed: the API tags what it creates with
 * {@code OWNER_TAG_KEY=<team>}, and {@link #owns} is the one rule that reads it.
 */
public final class Guardrails {
    private final DeploymentConfig config;

    public Guardrails(DeploymentConfig config) {
        this.config = config;
    }

    public boolean isAdmin(Caller caller) {
        return config.isAdminTeam(caller.team());
    }

    /**
     * The request's region, or the deployment's default. Anything that is not one of Alibaba
     * Cloud's public regions, or is outside ALLOWED_REGIONS when set, is a 400 before any call.
     */
    public RegionId region(RegionId requested) {
        RegionId region = requested == null ? config.defaultRegion() : requested;
        if (!PublicRegions.contains(region)) {
            throw DomainException.invalidParameter("regionId", "'" + region + "' is not an Alibaba Cloud region; use a region id"
                    + " from the ECS DescribeRegions list, such as 'cn-hangzhou'");
        }
        if (!config.allowedRegions().isEmpty() && !config.allowedRegions().contains(region)) {
            throw DomainException.invalidParameter("regionId", "'" + region + "' is not allowed in this deployment; allowed: "
                    + config.allowedRegions().stream().map(RegionId::value).collect(Collectors.joining(", ")));
        }
        return region;
    }

    public String ownerTagKey() {
        return config.ownerTagKey();
    }

    /** The tags a role or policy the API creates for {@code caller} gets: {@code OWNER_TAG_KEY=<team>}. */
    public Map<String, String> ownerTags(Caller caller) {
        return Map.of(config.ownerTagKey(), caller.team());
    }

    /**
     * The ownership rule for roles and policies, in one place, for single requests and lists alike:
     * the owner tag decides; an untagged resource (made before the API) is the team's when its name
     * has the team's prefix and does not also fit the longer prefix of another team that has tagged
     * resources ({@code team-a} never owns {@code team-a-b-web} once {@code team-a-b} is known).
     *
     * @param ownerTag the resource's OWNER_TAG_KEY value, or null when it has none
     * @param taggedTeams the OWNER_TAG_KEY values found on the account's roles and policies
     */
    public boolean owns(Caller caller, String name, String ownerTag, Set<String> taggedTeams) {
        if (isAdmin(caller)) {
            return true;
        }
        if (ownerTag != null) {
            return ownerTag.equals(caller.team());
        }
        return hasTeamPrefix(caller, name) && longerPrefixTeam(caller, name, taggedTeams).isEmpty();
    }

    /** Name rule for roles: non-admins manage only roles named {@code <team>-...}. */
    public void checkRoleName(Caller caller, RoleName role) {
        if (!isAdmin(caller) && !hasTeamPrefix(caller, role.value())) {
            throw forbidden("team prefix rule: team '" + caller.team() + "' may only use roles whose names start with '"
                    + prefix(caller) + "' (got '" + role + "')");
        }
    }

    /** Name rule for custom policies. */
    public void checkPolicyName(Caller caller, PolicyName policy) {
        if (!isAdmin(caller) && !hasTeamPrefix(caller, policy.value())) {
            throw forbidden("team prefix rule: team '" + caller.team() + "' may only use custom policies whose names start with '"
                    + prefix(caller) + "' (got '" + policy + "')");
        }
    }

    /**
     * An existing role the caller owns. A role of another team and a missing one both answer
     * {@code 404 RoleNotFound} with the same message.
     */
    public CloudRole requireRole(RequestContext ctx, RoleName role) {
        checkRoleName(ctx.caller(), role);
        Supplier<DomainException> notFound = () -> roleNotFound(ctx.caller(), role);
        checkOwner(ctx, RamResourceType.ROLE, role, notFound);
        return ctx.cloud().ram().getRole(role).orElseThrow(notFound);
    }

    /** An existing custom policy the caller owns; another team's answers as a missing one. */
    public CloudPolicy requireCustomPolicy(RequestContext ctx, PolicyName policy) {
        checkPolicyName(ctx.caller(), policy);
        Supplier<DomainException> notFound = () -> policyNotFound(policy, PolicyType.Custom);
        checkOwner(ctx, RamResourceType.POLICY, policy, notFound);
        return ctx.cloud().ram().getPolicy(policy, PolicyType.Custom).orElseThrow(notFound);
    }

    /** For createRole: the caller may create the role, or ensure it when it exists and is theirs. */
    public void checkMayEnsureRole(RequestContext ctx, RoleName role) {
        checkRoleName(ctx.caller(), role);
        checkOwner(ctx, RamResourceType.ROLE, role, () -> ownedElsewhere(ctx.caller(), "role", role));
    }

    /** For createPolicy: the caller may create the policy, or change it when it exists and is theirs. */
    public void checkMayEnsurePolicy(RequestContext ctx, PolicyName policy) {
        checkPolicyName(ctx.caller(), policy);
        checkOwner(ctx, RamResourceType.POLICY, policy, () -> ownedElsewhere(ctx.caller(), "custom policy", policy));
    }

    /** The 404 of a system or custom policy that does not exist. */
    public static DomainException policyNotFound(PolicyName policy, PolicyType type) {
        return new DomainException(ErrorCode.PolicyNotFound, "there is no " + type + " policy named '" + policy + "'");
    }

    /** Blocked system policies rule: BLOCKED_SYSTEM_POLICIES are for admins only. */
    public void checkSystemPolicy(Caller caller, PolicyName systemPolicy) {
        if (!isAdmin(caller) && config.blockedSystemPolicies().contains(systemPolicy)) {
            throw forbidden("blocked system policy rule: '" + systemPolicy + "' grants too much for a team to attach by itself"
                    + "; ask a platform admin or use a narrower policy");
        }
    }

    /** Policy findings rule: SECURITY_WARNING findings are refused for non-admins (403 PolicyTooBroad, every finding in details). */
    public void checkFindings(Caller caller, LintResult lint) {
        if (!isAdmin(caller) && lint.has(FindingLevel.SECURITY_WARNING)) {
            Set<String> codes = new LinkedHashSet<>();
            for (Finding finding : lint.findings()) {
                if (finding.level() == FindingLevel.SECURITY_WARNING) {
                    codes.add(finding.code() + " at " + (finding.path().isEmpty() ? "the document" : finding.path()));
                }
            }
            throw new DomainException(ErrorCode.PolicyTooBroad, "policy findings rule: the document has security warnings ("
                    + String.join(", ", codes) + "); narrow the actions or resources, or ask a platform admin", lint.findings());
        }
    }

    /**
     * The ownership rule ({@link #owns}) for a list of roles or custom policies, applied to a whole
     * page at once: the items the caller owns, in their order, each with its owner (its tag; an
     * untagged one a non-admin owns by its name is the caller's team; an admin's view of an
     * untagged one has none). Reads the owner tags of every tagged role and policy once
     * (ListTagResources, paged), never a call per item.
     */
    public <T> List<Owned<T>> visible(Caller caller, RamPort ram, RamResourceType type, List<T> items, Function<T, String> name) {
        boolean admin = isAdmin(caller);
        Map<String, String> ownerTags = new HashMap<>();
        Set<String> taggedTeams = new HashSet<>();
        for (RamResourceType each : RamResourceType.values()) {
            if (admin && each != type) {
                continue; // an admin owns everything: only the owners to show are needed
            }
            ram.listTags(each, List.of(), config.ownerTagKey()).forEach((resource, tags) -> {
                taggedTeams.add(tags.get(config.ownerTagKey()));
                if (each == type) {
                    ownerTags.put(resource.toLowerCase(Locale.ROOT), tags.get(config.ownerTagKey()));
                }
            });
        }
        List<Owned<T>> visible = new ArrayList<>();
        for (T item : items) {
            String ownerTag = ownerTags.get(name.apply(item).toLowerCase(Locale.ROOT));
            if (owns(caller, name.apply(item), ownerTag, taggedTeams)) {
                visible.add(new Owned<>(item, ownerTag != null ? ownerTag : admin ? null : caller.team()));
            }
        }
        return visible;
    }

    /**
     * Owner tag rule for lists of instances: the tags the cloud should filter by so that only the
     * caller's instances come back (none for admins). {@link #ownsInstance} still judges each one.
     */
    public Map<String, String> instanceListFilter(Caller caller) {
        return isAdmin(caller) ? Map.of() : Map.of(config.ownerTagKey(), caller.team());
    }

    /** Owner tag rule for instances: non-admins see and change only instances tagged OWNER_TAG_KEY=team. */
    public boolean ownsInstance(Caller caller, CloudInstance instance) {
        return isAdmin(caller) || caller.team().equals(instance.tags().get(config.ownerTagKey()));
    }

    /**
     * What a missing instance and another team's both answer ({@code InstanceNotFound}), word for
     * word, so a team cannot tell them apart.
     */
    public String instanceNotFoundMessage(Caller caller, InstanceId id, RegionId region) {
        if (isAdmin(caller)) {
            return "instance " + id + " does not exist in region " + region;
        }
        return "instance " + id + " does not exist in region " + region + " or is not tagged " + config.ownerTagKey() + "="
                + caller.team() + " (owner tag rule: a team sees and changes only its own instances)";
    }

    /**
     * The checks behind every role and policy rule: the owner tag when there is one, else the name
     * prefix unless a longer team prefix claims the name. {@code otherTeams} is what a resource of
     * another team answers. The longer-prefix refusal depends on the name alone, so it says the
     * same whether or not the resource exists.
     */
    private void checkOwner(RequestContext ctx, RamResourceType type, CaseInsensitiveName name, Supplier<DomainException> otherTeams) {
        Caller caller = ctx.caller();
        if (isAdmin(caller)) {
            return;
        }
        RamPort ram = ctx.cloud().ram();
        String ownerTag = ownerTagOf(ram, type, name);
        if (caller.team().equals(ownerTag)) {
            return;
        }
        Optional<String> longer = longerPrefixTeam(caller, name.value(), taggedTeams(ram));
        if (longer.isPresent()) {
            throw forbidden("team prefix rule: '" + name + "' also fits the prefix '" + longer.get() + "-' of team '" + longer.get()
                    + "', so team '" + caller.team() + "' may not use it; choose a name that does not start with '" + longer.get() + "-'");
        }
        if (!owns(caller, name.value(), ownerTag, Set.of())) {
            throw otherTeams.get();
        }
    }

    /**
     * The OWNER_TAG_KEY values of every tagged role and policy: the teams known to own something,
     * as {@link #owns} needs them (a list endpoint reads them once per request).
     */
    public Set<String> taggedTeams(RamPort ram) {
        Set<String> teams = new HashSet<>();
        for (RamResourceType type : RamResourceType.values()) {
            ram.listTags(type, List.of(), config.ownerTagKey()).values().forEach(tags -> teams.add(tags.get(config.ownerTagKey())));
        }
        return teams;
    }

    private String ownerTagOf(RamPort ram, RamResourceType type, CaseInsensitiveName name) {
        for (Map.Entry<String, Map<String, String>> tagged : ram.listTags(type, List.of(name.value()), null).entrySet()) {
            if (tagged.getKey().equalsIgnoreCase(name.value())) {
                return tagged.getValue().get(config.ownerTagKey());
            }
        }
        return null;
    }

    /** The longest team among {@code taggedTeams} other than the caller's whose longer prefix {@code name} fits. */
    private static Optional<String> longerPrefixTeam(Caller caller, String name, Set<String> taggedTeams) {
        String folded = name.toLowerCase(Locale.ROOT);
        return taggedTeams.stream()
                .filter(team -> team != null && team.length() > caller.team().length())
                .filter(team -> folded.startsWith(team.toLowerCase(Locale.ROOT) + "-"))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    private DomainException roleNotFound(Caller caller, RoleName role) {
        if (isAdmin(caller)) {
            return new DomainException(ErrorCode.RoleNotFound, "role '" + role + "' does not exist; create it first with POST /v1/roles");
        }
        return new DomainException(ErrorCode.RoleNotFound, "role '" + role + "' does not exist or is not owned by team '"
                + caller.team() + "' (owner tag " + config.ownerTagKey() + "=" + caller.team() + "); create it first with POST /v1/roles");
    }

    /**
     * Creating under a name whose resource exists and is tagged for another team (only an admin
     * can have made it, since the name has the caller's prefix): refused, never taken over.
     */
    private DomainException ownedElsewhere(Caller caller, String kind, CaseInsensitiveName name) {
        return forbidden("owner tag rule: a " + kind + " named '" + name + "' exists and is not tagged " + config.ownerTagKey() + "="
                + caller.team() + "; choose another name or ask a platform admin");
    }

    private static boolean hasTeamPrefix(Caller caller, String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(prefix(caller));
    }

    private static String prefix(Caller caller) {
        return caller.team() + "-";
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.Forbidden, message);
    }
}
