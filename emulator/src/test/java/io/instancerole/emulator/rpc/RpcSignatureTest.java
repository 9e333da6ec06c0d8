package io.instancerole.emulator.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RpcSignatureTest {

    /** The reference's test vector (section 1.1), computed by the SDK's composer and an independent implementation. */
    @Test
    void signsTheReferenceTestVector() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "CreateRole");
        params.put("Version", "2015-05-01");
        params.put("Format", "JSON");
        params.put("AccessKeyId", "testid");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        params.put("Timestamp", "2016-02-23T12:46:24Z");
        params.put("RegionId", "cn-hangzhou");
        params.put("RoleName", "EcsRole");
        params.put("Description", "a b*c~d/é+");
        params.put("AssumeRolePolicyDocument", "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}],\"Version\":\"1\"}");

        String stringToSign = RpcSignature.stringToSign("POST", params);

        assertEquals("DZ5sqbgLU/bx6qRN0EirIEcVHT0=", RpcSignature.sign(stringToSign, "testsecret"));
    }

    @Test
    void leavesTheSignatureParameterOutOfTheStringToSign() {
        Map<String, String> params = Map.of("Action", "GetRole", "Signature", "abc");

        assertEquals("GET&%2F&Action%3DGetRole", RpcSignature.stringToSign("GET", params));
    }

    @Test
    void percentEncodesAsTheSdkDoes() {
        assertEquals("a%20b%2Ac~d%2F%C3%A9%2B", RpcSignature.percentEncode("a b*c~d/é+"));
        assertEquals("A-Z_a.z~0", RpcSignature.percentEncode("A-Z_a.z~0"));
    }

    @Test
    void sortsNamesByCodeUnitsSoUppercaseComesFirst() {
        Map<String, String> params = Map.of("a", "1", "B", "2");

        assertEquals("POST&%2F&B%3D2%26a%3D1", RpcSignature.stringToSign("POST", params));
    }

    @Test
    void comparesSignaturesExactly() {
        assertTrue(RpcSignature.matches("abc=", "abc="));
        assertFalse(RpcSignature.matches("abc=", "abd="));
        assertFalse(RpcSignature.matches("abc=", "abc"));
    }
}
