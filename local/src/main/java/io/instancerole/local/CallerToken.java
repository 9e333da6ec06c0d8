package io.instancerole.local;

import java.util.Map;

/** One bearer token of the local gateway and the identity it stands for. */
final class CallerToken {
    private final String token;
    private final String callerId;
    private final String callerTeam;

    CallerToken(String token, String callerId, String callerTeam) {
        this.token = token;
        this.callerId = callerId;
        this.callerTeam = callerTeam;
    }

    String token() {
        return token;
    }

    /** Sent to the functions as {@code X-Caller-Id}. */
    String callerId() {
        return callerId;
    }

    /** Sent to the functions as {@code X-Caller-Team}. */
    String callerTeam() {
        return callerTeam;
    }

    /** The claims a JWT of this caller carries: {@code sub} and {@code team}. */
    Map<String, String> claims() {
        return Map.of("sub", callerId, "team", callerTeam);
    }
}
