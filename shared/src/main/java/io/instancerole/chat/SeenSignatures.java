package io.instancerole.chat;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/** DingTalk signature pairs seen within their window, each with the hash of the body it came with. */
public final class SeenSignatures {
    private final ExpiringCache<byte[]> seen;

    public SeenSignatures(int capacity) {
        this.seen = new ExpiringCache<>(capacity);
    }

    /** True when the pair is new, or was seen with this very body (a redelivery); remembers it for {@code window}. */
    public boolean admit(String pair, byte[] bodyHash, Instant now, Duration window) {
        synchronized (seen) {
            byte[] previous = seen.get(pair, now).orElse(null);
            if (previous != null) {
                return MessageDigest.isEqual(previous, bodyHash);
            }
            seen.put(pair, bodyHash.clone(), now.plus(window), now);
            return true;
        }
    }
}
