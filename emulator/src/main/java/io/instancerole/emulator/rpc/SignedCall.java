package io.instancerole.emulator.rpc;

import io.instancerole.emulator.core.ApiException;
import java.util.Optional;

/**
 * What a call's signature claims, whichever version signed it: the key, the time, the nonce, the
 * STS token, and whether the signature holds under a secret. The gateway checks these the same way
 * for both versions.
 */
interface SignedCall {
    /** {@code "1.0"} (HMAC-SHA1, parameters) or {@code "3"} (ACS3-HMAC-SHA256, headers). */
    String version();

    String accessKeyId();

    /** As sent: UTC {@code yyyy-MM-ddTHH:mm:ssZ}. */
    String timestamp();

    String nonce();

    /** Null when the call carries none. */
    String securityToken();

    /** Empty when the signature is the one {@code secret} gives; else the error to answer. */
    Optional<ApiException> mismatch(String secret);
}
