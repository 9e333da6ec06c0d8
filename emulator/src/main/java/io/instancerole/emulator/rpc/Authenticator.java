package io.instancerole.emulator.rpc;

import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.state.AccessKey;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway checks of every RPC call, signed with V1 or V3, in the order the real gateway reports
 * them: parameters, timestamp, AccessKey, signature, nonce, STS token. Called under the state lock.
 */
public final class Authenticator {
    /** The real service's window for Timestamp skew and for remembering nonces. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String STS_KEY_PREFIX = "STS.";

    private final CloudState state;
    private final Map<String, Instant> recentNonces = new LinkedHashMap<>();

    public Authenticator(CloudState state) {
        this.state = state;
    }

    /** The principal that signed {@code request} (V1 or V3); the check's error otherwise. */
    public Principal authenticate(RpcRequest request) {
        SignedCall call = signedCall(request);
        // a machine's clock, not the account's (possibly advanced) time: time passing does not skew clients
        Instant wallClock = Instant.now();
        checkTimestamp(call.timestamp(), wallClock);

        String accessKeyId = call.accessKeyId();
        Optional<Session> session = state.session(accessKeyId);
        Optional<AccessKey> key = session.isPresent() ? Optional.empty() : state.accessKey(accessKeyId);
        if (session.isEmpty() && key.isEmpty()) {
            throw new ApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        String secret = session.map(Session::accessKeySecret).orElseGet(() -> key.get().secret());
        Optional<ApiException> mismatch = call.mismatch(secret);
        if (mismatch.isPresent()) {
            throw mismatch.get();
        }
        useNonce(call.nonce(), wallClock);

        if (session.isPresent()) {
            checkSecurityToken(call.securityToken(), session.get(), state.now());
            return Principal.session(state.accountId(), session.get());
        }
        if (accessKeyId.startsWith(STS_KEY_PREFIX)) {
            throw new ApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        String userName = key.get().userName();
        if (userName == null) {
            return Principal.root(state.accountId());
        }
        return state.user(userName)
                .map(user -> Principal.user(state.accountId(), user))
                .orElseThrow(() -> new ApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
    }

    /** Which signature version signed the call: "1.0" or "3". */
    public static String signatureVersion(RpcRequest request) {
        return AcsSignatureV3.applies(request) ? "3" : "1.0";
    }

    private static SignedCall signedCall(RpcRequest request) {
        return AcsSignatureV3.applies(request) ? AcsSignatureV3.read(request) : RpcSignature.read(request);
    }

    private static void checkTimestamp(String timestamp, Instant now) {
        Instant sent;
        try {
            sent = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "InvalidTimeStamp.Format",
                    "Specified time stamp or date value is not well formatted: use UTC yyyy-MM-ddTHH:mm:ssZ.");
        }
        if (Duration.between(sent, now).abs().compareTo(WINDOW) > 0) {
            throw new ApiException(400, "InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired: it is more than 15 minutes away from the server time "
                            + now + ".");
        }
    }

    private void useNonce(String nonce, Instant now) {
        for (Iterator<Instant> seen = recentNonces.values().iterator(); seen.hasNext(); ) {
            if (Duration.between(seen.next(), now).compareTo(WINDOW) <= 0) {
                break;
            }
            seen.remove();
        }
        if (recentNonces.containsKey(nonce)) {
            throw new ApiException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        recentNonces.put(nonce, now);
    }

    // Statuses of the InvalidSecurityToken.* codes are UNVERIFIED; 400 is the likeliest (reference 3.2).
    private void checkSecurityToken(String token, Session session, Instant now) {
        if (token == null) {
            throw new ApiException(400, "MissingSecurityToken",
                    "SecurityToken is mandatory for this action: an STS AccessKey must be sent with its SecurityToken.");
        }
        if (!token.equals(session.securityToken())) {
            if (state.sessionByToken(token).isPresent()) {
                throw new ApiException(400, "InvalidSecurityToken.MismatchWithAccessKey",
                        "Specified SecurityToken mismatch with the AccessKey.");
            }
            throw new ApiException(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");
        }
        if (session.expired(now)) {
            throw new ApiException(400, "InvalidSecurityToken.Expired",
                    "Specified SecurityToken is expired (at " + session.expiration() + "); obtain new credentials.");
        }
    }
}
