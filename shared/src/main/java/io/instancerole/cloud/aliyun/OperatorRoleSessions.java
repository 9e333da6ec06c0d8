package io.instancerole.cloud.aliyun;

import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import io.instancerole.domain.service.SharedWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * STS sessions of OPERATOR_ROLE_ARN, one per caller and named after them, kept until shortly
 * before they expire. Two concurrent first requests of one caller may both assume the role; that
 * costs a call, not correctness.
 */
final class OperatorRoleSessions {
    static final long SESSION_SECONDS = 3600;
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final int MAX_CALLERS = 256;

    private final String roleArn;
    private final SdkInvoker invoker;
    private final Clock clock;
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    OperatorRoleSessions(String roleArn, SdkInvoker invoker, Clock clock) {
        this.roleArn = roleArn;
        this.invoker = invoker;
        this.clock = clock;
    }

    /** The caller's session credentials; assumes the role with {@code base} when none is fresh. */
    CloudCredentials credentialsFor(String callerId, SdkClient base, Consumer<String> requestIds) {
        String sessionName = RoleSessionNames.forCaller(callerId);
        Session cached = cached(sessionName);
        if (cached != null && clock.instant().isBefore(cached.expiration.minus(REFRESH_BEFORE_EXPIRY))) {
            return cached.credentials;
        }
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setRoleArn(roleArn);
        request.setRoleSessionName(sessionName);
        request.setDurationSeconds(SESSION_SECONDS);
        AssumeRoleResponse.Credentials answer = invoker.invoke(base, request, requestIds, new SharedWait()).getCredentials();
        CloudCredentials credentials = new CloudCredentials(answer.getAccessKeyId(), answer.getAccessKeySecret(), answer.getSecurityToken());
        store(sessionName, new Session(credentials, expiration(answer.getExpiration())));
        return credentials;
    }

    /** An unreadable expiration is treated as expired: the session is used once, then assumed anew. */
    private Instant expiration(String text) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private synchronized Session cached(String sessionName) {
        return sessions.get(sessionName);
    }

    private synchronized void store(String sessionName, Session session) {
        sessions.put(sessionName, session);
    }

    private static final class Session {
        final CloudCredentials credentials;
        final Instant expiration;

        Session(CloudCredentials credentials, Instant expiration) {
            this.credentials = credentials;
            this.expiration = expiration;
        }
    }
}
