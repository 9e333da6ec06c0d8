package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.port.CloudException;
import io.instancerole.domain.port.CloudSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real SDK against a loopback port where nothing listens: transport failures, no emulator needed. */
class UnreachableCloudTest {
    private static final CloudCredentials SESSION_KEYS = new CloudCredentials("STS.unreachable", "secret-value-123", "token-value-456");
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void aDeadEndpointIsRetriedThenReportedUnavailableWithoutSecrets() throws IOException {
        CloudSession session = sessions(closedPort(), () -> Optional.of(SESSION_KEYS)).open(Caller.of("alice", "team-a"));

        CloudException e = assertThrows(CloudException.class, () -> session.sts().getCallerIdentity());

        assertEquals(CloudException.Kind.UNAVAILABLE, e.kind());
        assertEquals("SDK.ServerUnreachable", e.code());
        assertEquals("GetCallerIdentity", e.action());
        assertEquals(0, e.httpStatus());
        assertEquals(3, sleeper.waits().size(), "4 attempts, 3 waits");
        assertFalse(e.getMessage().contains("secret-value-123") || e.getMessage().contains("token-value-456")
                || e.getMessage().contains("Signature"), e.getMessage());
        assertTrue(session.cloudRequestIds().isEmpty(), "no answer, no request id");
    }

    @Test
    void missingCredentialsAreAnOperatorProblemNotRetried() throws IOException {
        CloudSession session = sessions(closedPort(), Optional::empty).open(Caller.of("alice", "team-a"));

        CloudException e = assertThrows(CloudException.class, () -> session.ram().getRole(io.instancerole.domain.model.RoleName.of("team-a-web")));

        assertEquals(CloudException.Kind.DENIED, e.kind());
        assertEquals("MissingCredentials", e.code());
        assertTrue(e.getMessage().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), e.getMessage());
        assertTrue(e.getMessage().contains("execution credentials") && e.getMessage().contains("OPERATOR_ROLE_ARN"), e.getMessage());
        assertTrue(sleeper.waits().isEmpty());
    }

    private AliyunCloudSessions sessions(int port, CredentialsSource credentials) {
        CloudConfig config = new CloudConfig("127.0.0.1:" + port, null, RegionId.of("cn-hangzhou"),
                new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(2)));
        return new AliyunCloudSessions(config, credentials, sleeper, Clock.systemUTC());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
