package io.instancerole.cloud.aliyun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {
    private final CloudCredentials credentials = new CloudCredentials("STS.id", "the-secret", "the-token");

    @Test
    void dropsTheServersStringToSign() {
        String cleaned = Redaction.clean("Specified signature is not matched with our calculation. server string to sign is:"
                + "POST&%2F&AccessKeyId%3DSTS.id%26SecurityToken%3Dthe-token", credentials);
        assertFalse(cleaned.contains("the-token"), cleaned);
        assertTrue(cleaned.startsWith("Specified signature is not matched"), cleaned);
    }

    @Test
    void dropsSignedQueriesFromUrls() {
        String cleaned = Redaction.clean("Server unreachable: connection http://127.0.0.1:1/?Signature=abc&SecurityToken=xyz failed", credentials);
        assertEquals("Server unreachable: connection http://127.0.0.1:1/?(signed query withheld) failed", cleaned);
    }

    @Test
    void masksTheSecretAndTokenWhereverTheyAppear() {
        String cleaned = Redaction.clean("echo the-secret and the-token", credentials);
        assertEquals("echo *** and ***", cleaned);
    }
}
