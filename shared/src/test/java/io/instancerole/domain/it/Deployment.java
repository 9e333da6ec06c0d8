package io.instancerole.domain.it;

import io.instancerole.cloud.aliyun.AliyunCloudSessions;
import io.instancerole.cloud.aliyun.CloudConfig;
import io.instancerole.cloud.aliyun.CredentialsSource;
import io.instancerole.domain.authorize.PolicyService;
import io.instancerole.domain.binding.BatchLimits;
import io.instancerole.domain.binding.BindingService;
import io.instancerole.domain.binding.RoleVisibilityRetry;
import io.instancerole.domain.config.DeploymentConfig;
import io.instancerole.domain.describe.DescribeService;
import io.instancerole.domain.describe.ListService;
import io.instancerole.domain.fake.RecordingLogSink;
import io.instancerole.domain.fake.RecordingSleeper;
import io.instancerole.domain.grant.PassRoleGrantService;
import io.instancerole.domain.guard.Guardrails;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.policy.PolicyLinter;
import io.instancerole.domain.port.CloudSession;
import io.instancerole.domain.role.CreateRoleService;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.RequestContexts;
import io.instancerole.domain.service.Sleeper;
import io.instancerole.emulator.testing.EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The domain services wired as a function wires them, on the real SDK adapters: configuration
 * from environment variables with {@code CLOUD_ENDPOINT} set to the emulator, credentials from a
 * {@link CredentialsSource}. Waits between cloud retries are recorded instead of slept.
 */
final class Deployment {
    static final String TEAM_A = "team-a";
    static final String TEAM_B = "team-b";
    static final String ADMIN = "platform";

    final CreateRoleService roles;
    final PolicyService policies;
    final BindingService bindings;
    final PassRoleGrantService grants;
    final DescribeService describe;
    final ListService lists;

    private final AliyunCloudSessions sessions;
    private final RequestContexts contexts;
    private final RecordingLogSink log = new RecordingLogSink();
    private final List<Duration> cloudRetryWaits = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private Deployment(EmulatorExtension emulator, CredentialsSource credentials, Map<String, String> environment,
            Sleeper visibilitySleeper, Clock batchClock) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(CloudConfig.ENDPOINT_VARIABLE, emulator.endpoint());
        DeploymentConfig config = DeploymentConfig.fromEnvironment(env);
        Guardrails guardrails = new Guardrails(config);
        this.sessions = new AliyunCloudSessions(CloudConfig.fromEnvironment(env), credentials, this::recordCloudWait, Clock.systemUTC());
        this.contexts = new RequestContexts(sessions, Clock.systemUTC());
        this.roles = new CreateRoleService(guardrails);
        this.policies = new PolicyService(guardrails, new PolicyLinter(config));
        this.bindings = new BindingService(guardrails, new RoleVisibilityRetry(visibilitySleeper), BatchLimits.of(config, batchClock));
        this.grants = new PassRoleGrantService(guardrails);
        this.describe = new DescribeService(guardrails);
        this.lists = new ListService(guardrails);
    }

    /** With the deployment's service role of template.yml and the default configuration. */
    static Deployment of(ServiceRole role, EmulatorExtension emulator) {
        return of(role, emulator, Map.of());
    }

    static Deployment of(ServiceRole role, EmulatorExtension emulator, Map<String, String> environment) {
        return of(role, emulator, environment, Clock.systemUTC());
    }

    /** {@code batchClock}: what tells a batch that its deadline (BATCH_DEADLINE_MS of {@code environment}) has come. */
    static Deployment of(ServiceRole role, EmulatorExtension emulator, Map<String, String> environment, Clock batchClock) {
        return new Deployment(emulator, role.executionCredentials(), environment, new RecordingSleeper(), batchClock);
    }

    /** {@code visibilitySleeper}: the waits of the retry while ECS does not see a new role yet. */
    static Deployment of(EmulatorExtension emulator, CredentialsSource credentials, Map<String, String> environment,
            Sleeper visibilitySleeper) {
        return new Deployment(emulator, credentials, environment, visibilitySleeper, Clock.systemUTC());
    }

    /** A request of a member of {@code team}, as the handler opens it. */
    RequestContext as(String team) {
        return as(team, false);
    }

    RequestContext as(String team, boolean dryRun) {
        return contexts.open(caller(team), "it-request-" + requests.incrementAndGet(), dryRun, log, Optional.empty());
    }

    /** The cloud ports directly, signed like this deployment's requests. */
    CloudSession cloud(String team) {
        return sessions.open(caller(team));
    }

    RecordingLogSink log() {
        return log;
    }

    synchronized List<Duration> cloudRetryWaits() {
        return List.copyOf(cloudRetryWaits);
    }

    private synchronized void recordCloudWait(Duration wait) {
        cloudRetryWaits.add(wait);
    }

    private static Caller caller(String team) {
        return Caller.of(team + "-dev@example.com", team);
    }
}
