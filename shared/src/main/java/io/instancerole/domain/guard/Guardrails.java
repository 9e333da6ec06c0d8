package io.instancerole.domain.guard;

import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.policy.FindingLevel;
import io.instancerole.domain.policy.LintResult;
import io.instancerole.domain.port.CloudInstance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deployment's guardrails, one method per rule. A caller whose team is in ADMIN_TEAMS passes
 * every rule except the region rule; everyone else acts only on their team's roles, policies and
 * instances. Refusals name the rule so a person knows what to change.
 */
public final class Guardrails {
    private final DeploymentConfig config;

    public Guardrails(DeploymentConfig config) {
        this.config = config;
    }

    public boolean isAdmin(Caller caller) {
        return config.isAdminTeam(caller.team());
    }

    /** The request's region, or the deployment's default; a region outside ALLOWED_REGIONS is a 400. */
    public RegionId region(RegionId requested) {
        RegionId region = requested == null ? config.defaultRegion() : requested;
        if (!config.allowedRegions().isEmpty() && !config.allowedRegions().contains(region)) {
            throw DomainException.invalidParameter("regionId", "'" + region + "' is not allowed in this deployment; allowed: "
                    + config.allowedRegions().stream().map(RegionId::value).collect(Collectors.joining(", ")));
        }
        return region;
    }

    /** Team prefix rule for roles: non-admins manage only roles named {@code <team>-...}. */
    public void checkRole(Caller caller, RoleName role) {
        if (!isAdmin(caller) && !role.startsWithIgnoreCase(prefix(caller))) {
            throw forbidden("team prefix rule: team '" + caller.team() + "' may only use roles whose names start with '"
                    + prefix(caller) + "' (got '" + role + "')");
        }
    }

    /** Team prefix rule for custom policies. */
    public void checkPolicy(Caller caller, PolicyName policy) {
        if (!isAdmin(caller) && !policy.startsWithIgnoreCase(prefix(caller))) {
            throw forbidden("team prefix rule: team '" + caller.team() + "' may only use custom policies whose names start with '"
                    + prefix(caller) + "' (got '" + policy + "')");
        }
    }

    /**
     * Ownership rule for lists of roles or custom policies, applied to a whole page in one call:
     * the items the caller may see, in their order, each with its owner. Non-admins see their
     * team's (names {@code <team>-...}); admins see everything, and a name alone does not say
     * which team owns it, so their owners are null.
     */
    public <T> List<Owned<T>> visible(Caller caller, List<T> items, Function<T, String> name) {
        boolean admin = isAdmin(caller);
        String prefix = prefix(caller).toLowerCase(Locale.ROOT);
        List<Owned<T>> visible = new ArrayList<>();
        for (T item : items) {
            if (admin) {
                visible.add(new Owned<>(item, null));
            } else if (name.apply(item).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                visible.add(new Owned<>(item, caller.team()));
            }
        }
        return visible;
    }

    /**
     * Owner tag rule for lists of instances: the tags the cloud should filter by so that only the
     * caller's instances come back (none for admins). {@link #instanceRefusal} still judges each one.
     */
    public Map<String, String> instanceListFilter(Caller caller) {
        return isAdmin(caller) ? Map.of() : Map.of(config.ownerTagKey(), caller.team());
    }

    /** PassRole rule: non-admins grant ram:PassRole only on their team's roles. */
    public void checkPassRole(Caller caller, RoleName role) {
        if (!isAdmin(caller) && !role.startsWithIgnoreCase(prefix(caller))) {
            throw forbidden("PassRole rule: team '" + caller.team() + "' may grant or revoke ram:PassRole only on its own roles, named '"
                    + prefix(caller) + "...' (got '" + role + "')");
        }
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
     * Owner tag rule, per instance: non-admins change only instances whose OWNER_TAG_KEY tag equals
     * their team. Returns the refusal message, or empty when the caller may change the instance.
     */
    public Optional<String> instanceRefusal(Caller caller, CloudInstance instance) {
        if (isAdmin(caller) || caller.team().equals(instance.tags().get(config.ownerTagKey()))) {
            return Optional.empty();
        }
        return Optional.of("owner tag rule: instance " + instance.instanceId() + " is not tagged " + config.ownerTagKey() + "="
                + caller.team() + ", so team '" + caller.team() + "' may not change or read its role");
    }

    /** The owner tag rule where one instance is the whole request: 403 Forbidden. */
    public void checkInstance(Caller caller, CloudInstance instance) {
        Optional<String> refusal = instanceRefusal(caller, instance);
        if (refusal.isPresent()) {
            throw forbidden(refusal.get());
        }
    }

    private static String prefix(Caller caller) {
        return caller.team() + "-";
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.Forbidden, message);
    }
}
