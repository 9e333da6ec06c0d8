package io.instancerole.domain.config;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.RegionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deployment's settings, read once from the function's environment variables. A wrong value
 * stops the function at start with a message naming the variable, rather than letting a typo
 * in a template loosen a guardrail at request time.
 */
public final class DeploymentConfig {
    public static final String DEFAULT_REGION_ID = "DEFAULT_REGION_ID";
    public static final String ALLOWED_REGIONS = "ALLOWED_REGIONS";
    public static final String ADMIN_TEAMS = "ADMIN_TEAMS";
    public static final String OWNER_TAG_KEY = "OWNER_TAG_KEY";
    public static final String BLOCKED_SYSTEM_POLICIES = "BLOCKED_SYSTEM_POLICIES";
    public static final String OPERATOR_ROLE_ARN = "OPERATOR_ROLE_ARN";
    public static final String BATCH_CONCURRENCY = "BATCH_CONCURRENCY";
    public static final String BATCH_DEADLINE_MS = "BATCH_DEADLINE_MS";

    static final String DEFAULT_REGION = "cn-hangzhou";
    static final String DEFAULT_ADMIN_TEAMS = "platform";
    static final String DEFAULT_OWNER_TAG_KEY = "team";
    static final String DEFAULT_BLOCKED_SYSTEM_POLICIES =
            "AdministratorAccess,AliyunRAMFullAccess,AliyunSTSAssumeRoleAccess,AliyunECSFullAccess";

    static final int DEFAULT_BATCH_CONCURRENCY = 4;
    static final long DEFAULT_BATCH_DEADLINE_MS = 20_000;
    /** More chunks at once than this would mostly earn throttling: ECS and RAM limit calls per second. */
    private static final int MAX_BATCH_CONCURRENCY = 16;
    /** Function Compute's longest function timeout (24 h); the function's own timeout caps it further at run time. */
    private static final long MAX_BATCH_DEADLINE_MS = 86_400_000;

    private static final Pattern TEAM = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::[0-9]{1,32}:role/[A-Za-z0-9.-]{1,64}");

    private final RegionId defaultRegion;
    private final Set<RegionId> allowedRegions;
    private final Set<String> adminTeams;
    private final String ownerTagKey;
    private final Set<PolicyName> blockedSystemPolicies;
    private final String operatorRoleArn;
    private final int batchConcurrency;
    private final Duration batchDeadline;

    private DeploymentConfig(RegionId defaultRegion, Set<RegionId> allowedRegions, Set<String> adminTeams, String ownerTagKey,
            Set<PolicyName> blockedSystemPolicies, String operatorRoleArn, int batchConcurrency, Duration batchDeadline) {
        this.defaultRegion = defaultRegion;
        this.allowedRegions = Collections.unmodifiableSet(allowedRegions);
        this.adminTeams = Collections.unmodifiableSet(adminTeams);
        this.ownerTagKey = ownerTagKey;
        this.blockedSystemPolicies = Collections.unmodifiableSet(blockedSystemPolicies);
        this.operatorRoleArn = operatorRoleArn;
        this.batchConcurrency = batchConcurrency;
        this.batchDeadline = batchDeadline;
    }

    /** The defaults of the contract, as if no variable were set. */
    public static DeploymentConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads the variables from {@code env} (normally {@code System.getenv()}). An unset or blank
     * variable takes its default. Every problem found is reported at once.
     *
     * @throws InvalidConfigurationException when any variable has an invalid value
     */
    public static DeploymentConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();

        RegionId defaultRegion = region(DEFAULT_REGION_ID, value(env, DEFAULT_REGION_ID, DEFAULT_REGION), problems);

        Set<RegionId> allowedRegions = new LinkedHashSet<>();
        for (String item : list(env, ALLOWED_REGIONS, "", problems)) {
            RegionId region = region(ALLOWED_REGIONS, item, problems);
            if (region != null) {
                allowedRegions.add(region);
            }
        }
        if (defaultRegion != null && !allowedRegions.isEmpty() && !allowedRegions.contains(defaultRegion)) {
            problems.add(DEFAULT_REGION_ID + " '" + defaultRegion + "' is not in " + ALLOWED_REGIONS + " " + allowedRegions
                    + ": requests without a regionId would always be refused");
        }

        Set<String> adminTeams = new LinkedHashSet<>();
        for (String team : list(env, ADMIN_TEAMS, DEFAULT_ADMIN_TEAMS, problems)) {
            if (TEAM.matcher(team).matches()) {
                adminTeams.add(team);
            } else {
                problems.add(ADMIN_TEAMS + ": '" + team + "' is not a team slug (1-32 characters of a-z, 0-9 and '-', as in X-Caller-Team)");
            }
        }

        String ownerTagKey = value(env, OWNER_TAG_KEY, DEFAULT_OWNER_TAG_KEY);
        if (ownerTagKey.length() > 128 || ownerTagKey.toLowerCase(Locale.ROOT).startsWith("aliyun")
                || ownerTagKey.toLowerCase(Locale.ROOT).startsWith("acs:")) {
            problems.add(OWNER_TAG_KEY + ": '" + ownerTagKey + "' is not a usable ECS tag key (at most 128 characters, not starting with 'aliyun' or 'acs:')");
        }

        Set<PolicyName> blocked = new LinkedHashSet<>();
        for (String name : list(env, BLOCKED_SYSTEM_POLICIES, DEFAULT_BLOCKED_SYSTEM_POLICIES, problems)) {
            try {
                blocked.add(PolicyName.of(BLOCKED_SYSTEM_POLICIES, name));
            } catch (DomainException e) {
                problems.add(e.getMessage());
            }
        }

        String operatorRoleArn = value(env, OPERATOR_ROLE_ARN, null);
        if (operatorRoleArn != null && !ROLE_ARN.matcher(operatorRoleArn).matches()) {
            problems.add(OPERATOR_ROLE_ARN + ": '" + operatorRoleArn + "' is not a role ARN like 'acs:ram::1234567890123456:role/instance-role-operator'");
        }

        long concurrency = number(env, BATCH_CONCURRENCY, DEFAULT_BATCH_CONCURRENCY, 1, MAX_BATCH_CONCURRENCY,
                "chunks of 100 instances worked on at once", problems);
        long deadline = number(env, BATCH_DEADLINE_MS, DEFAULT_BATCH_DEADLINE_MS, 1, MAX_BATCH_DEADLINE_MS,
                "milliseconds after which a batch starts no new chunk", problems);

        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException("invalid deployment configuration: " + String.join("; ", problems));
        }
        return new DeploymentConfig(defaultRegion, allowedRegions, adminTeams, ownerTagKey, blocked, operatorRoleArn,
                (int) concurrency, Duration.ofMillis(deadline));
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? fallback : raw.trim();
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max, String meaning,
            List<String> problems) {
        String raw = value(env, name, null);
        if (raw == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(raw);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problems.add(name + ": '" + raw + "' is not a whole number from " + min + " to " + max + " (" + meaning + ")");
        return fallback;
    }

    private static List<String> list(Map<String, String> env, String name, String fallback, List<String> problems) {
        String raw = value(env, name, fallback);
        List<String> items = new ArrayList<>();
        for (String item : Arrays.asList(raw.split(",", -1))) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            } else if (!raw.isEmpty()) {
                problems.add(name + ": '" + raw + "' has an empty entry; write a comma-separated list such as 'a,b'");
                return List.of();
            }
        }
        return items;
    }

    private static RegionId region(String variable, String value, List<String> problems) {
        try {
            RegionId region = RegionId.of(value);
            if (!PublicRegions.contains(region)) {
                problems.add(variable + ": '" + value + "' is not one of Alibaba Cloud's public regions (see ECS DescribeRegions)");
                return null;
            }
            return region;
        } catch (DomainException e) {
            problems.add(variable + ": '" + value + "' is not a region id like 'cn-hangzhou'");
            return null;
        }
    }

    public RegionId defaultRegion() {
        return defaultRegion;
    }

    /** Empty when every region is allowed. */
    public Set<RegionId> allowedRegions() {
        return allowedRegions;
    }

    /** True when {@code team} is one of ADMIN_TEAMS: its callers pass the team rules. */
    public boolean isAdminTeam(String team) {
        return adminTeams.contains(team);
    }

    public Set<String> adminTeams() {
        return adminTeams;
    }

    public String ownerTagKey() {
        return ownerTagKey;
    }

    /** Compared case-insensitively, as RAM names are. */
    public Set<PolicyName> blockedSystemPolicies() {
        return blockedSystemPolicies;
    }

    public Optional<String> operatorRoleArn() {
        return Optional.ofNullable(operatorRoleArn);
    }

    /** How many chunks of a batch are worked on at once. */
    public int batchConcurrency() {
        return batchConcurrency;
    }

    /** After this long a batch starts no new chunk (the function's own time limit may make it shorter). */
    public Duration batchDeadline() {
        return batchDeadline;
    }
}
