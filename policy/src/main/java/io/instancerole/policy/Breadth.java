package io.instancerole.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How far a statement reaches, judged as the evaluator would decide requests: on the union of its
 * values, never value by value ({@code role/?} and {@code role/??*} together reach every role), and
 * with NotAction/NotResource as "everything not listed".
 *
 * <p>Resources are compared part by part: the region is ignored (RAM is global, and a pattern's region
 * never narrows a role), and an account id with a wildcard counts as every account. Both make the
 * answer err broad, never narrow.
 */
public final class Breadth {
    /** Every resource of a service whose relative id starts with a prefix; service null for every service. */
    public static final class Scope {
        public static final Scope EVERY_RESOURCE = new Scope(null, "", "resource");
        public static final Scope ALL_OF_RAM = new Scope("ram", "", "RAM resource");
        public static final Scope EVERY_USER = new Scope("ram", "user/", "user");
        public static final Scope EVERY_GROUP = new Scope("ram", "group/", "group");
        public static final Scope EVERY_ROLE = new Scope("ram", "role/", "role");
        public static final Scope EVERY_POLICY = new Scope("ram", "policy/", "policy");

        private final String service;
        private final String prefix;
        private final String noun;

        private Scope(String service, String prefix, String noun) {
            this.service = service;
            this.prefix = prefix;
            this.noun = noun;
        }

        /** Every resource of one service, e.g. every oss resource. */
        public static Scope service(String service) {
            return new Scope(service.toLowerCase(Locale.ROOT), "", service + " resource");
        }

        /** E.g. "role", "RAM resource": for messages. */
        public String noun() {
            return noun;
        }

        /** The scope an escalating action's target is judged on. */
        public static Scope of(ActionCatalogue.Target target) {
            switch (target) {
                case USER: return EVERY_USER;
                case GROUP: return EVERY_GROUP;
                case ROLE: return EVERY_ROLE;
                case POLICY: return EVERY_POLICY;
                default: return ALL_OF_RAM;
            }
        }
    }

    private Breadth() {}

    /**
     * The value of Action (or the NotAction element) through which the statement allows {@code action};
     * empty when it does not.
     */
    public static Optional<Located> allowing(NameList actions, String action) {
        if (actions.patterns().isEmpty()) {
            return Optional.empty();
        }
        if (actions.negated()) {
            return actions.listing(action).isPresent() ? Optional.empty()
                    : Optional.of(new Located("NotAction", actions.path()));
        }
        return actions.listing(action);
    }

    /** True when the action patterns allow every action of every service: {@code *}, {@code *:*}, or any NotAction. */
    public static boolean everyAction(NameList actions) {
        return !actions.patterns().isEmpty()
                && (actions.negated() ? actions.patterns().stream().noneMatch(a -> coversEveryAction(a.value()))
                        : actions.patterns().stream().anyMatch(a -> coversEveryAction(a.value())));
    }

    /** True when one action pattern matches every action, as {@code *}, {@code *:*} and {@code ?*} do. */
    public static boolean coversEveryAction(String pattern) {
        return Wildcard.coversEvery(List.of(pattern), "", ":", "");
    }

    /** True when one action pattern matches every action of {@code service}, as {@code oss:*} does. */
    public static boolean coversEveryActionOf(String pattern, String service) {
        return Wildcard.coversEvery(List.of(pattern), service + ":", "");
    }

    /**
     * Where the resources reach every resource of the scope: the one value that does on its own, or the
     * element when only the values together do (or when it is NotResource and does not exclude them all).
     */
    public static Optional<Located> reachingEvery(NameList resources, Scope scope) {
        if (resources.patterns().isEmpty()) {
            return Optional.empty();
        }
        List<String> all = values(resources.patterns());
        if (resources.negated()) {
            // "everything but these" is open-ended: it reaches the scope unless it excludes all of it
            return covers(all, scope) ? Optional.empty()
                    : Optional.of(new Located("NotResource", resources.path()));
        }
        if (!covers(all, scope)) {
            return Optional.empty();
        }
        for (Located resource : resources.patterns()) {
            if (covers(List.of(resource.value()), scope)) {
                return Optional.of(resource);
            }
        }
        return Optional.of(new Located("Resource", resources.path()));
    }

    /**
     * True when the resource pattern may match some resource that the pattern {@code example} matches,
     * compared part by part: a real ARN has five parts, so a wildcard never stands for a ':' between them.
     */
    public static boolean mayMatch(String resource, String example) {
        if (resource.equals("*")) {
            return true;
        }
        String[] parts = resource.split(":", 5);
        String[] exampleParts = example.split(":", 5);
        if (parts.length != 5 || exampleParts.length != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!Wildcard.intersects(parts[i], exampleParts[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the patterns together match every resource of the scope. */
    static boolean covers(List<String> patterns, Scope scope) {
        if (patterns.contains("*")) {
            return true;
        }
        List<String[]> applicable = new ArrayList<>();
        for (String pattern : patterns) {
            String[] parts = pattern.split(":", 5);
            if (parts.length == 5 && (scope.service == null ? Wildcard.coversEvery(List.of(parts[1]), "", "")
                    : Wildcard.matches(parts[1], scope.service, true))) {
                applicable.add(parts);
            }
        }
        // the account ids to try: any account (only wildcard ones apply), and each one named
        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(null);
        applicable.stream().filter(p -> !hasWildcard(p[3])).forEach(p -> accounts.add(p[3]));
        for (String account : accounts) {
            List<String> relativeIds = new ArrayList<>();
            for (String[] parts : applicable) {
                if (hasWildcard(parts[3]) || parts[3].equals(account)) {
                    relativeIds.add(parts[4]);
                }
            }
            if (Wildcard.coversEvery(relativeIds, scope.prefix, "")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static List<String> values(List<Located> located) {
        List<String> values = new ArrayList<>();
        located.forEach(l -> values.add(l.value()));
        return values;
    }
}
