package io.instancerole.functions.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayCodecTest {
    private final ApiGatewayCodec codec = new ApiGatewayCodec(new ObjectMapper());

    private ApiRequest read(String event) throws Exception {
        return codec.readEvent(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsACapturedEventWithAPlainBody() throws Exception {
        ApiRequest request = read("{\"path\":\"/v1/roles\",\"httpMethod\":\"POST\",\"headers\":{\"X-Ca-Api-Gateway\":\"abc\","
                + "\"Content-Type\":\"application/json\",\"X-Caller-Id\":\"alice\"},\"queryParameters\":{\"regionId\":\"cn-shanghai\"},"
                + "\"pathParameters\":{},\"body\":\"{\\\"roleName\\\":\\\"角色\\\"}\",\"isBase64Encoded\":false}");
        assertEquals("POST", request.method());
        assertEquals("/v1/roles", request.path());
        assertEquals("alice", request.header("x-caller-id").orElseThrow());
        assertEquals("cn-shanghai", request.queryParameter("regionId").orElseThrow());
        assertEquals("{\"roleName\":\"角色\"}", new String(request.body(), StandardCharsets.UTF_8));
    }

    @Test
    void decodesBase64BodiesEvenWhenTheFlagIsAString() throws Exception {
        ApiRequest request = read("{\"path\":\"/v1/roles\",\"httpMethod\":\"post\",\"headers\":{},"
                + "\"body\":\"eyJhIjoxfQ==\",\"isBase64Encoded\":\"true\"}");
        assertEquals("POST", request.method());
        assertEquals("{\"a\":1}", new String(request.body(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertEquals(ErrorCode.InvalidRequest, assertThrows(DomainException.class, () -> read("not json")).code());
        assertEquals(ErrorCode.InvalidRequest, assertThrows(DomainException.class, () -> read("{\"path\":\"/x\"}")).code());
        assertEquals(ErrorCode.InvalidRequest, assertThrows(DomainException.class,
                () -> read("{\"path\":\"/x\",\"httpMethod\":\"POST\",\"body\":\"%%%\",\"isBase64Encoded\":true}")).code());
    }

    @Test
    void eventAndAnswerRoundTripAsTheLocalGatewayUsesThem() throws Exception {
        ApiRequest sent = new ApiRequest("POST", "/v1/role-bindings", Map.of("Content-Type", "application/json"),
                Map.of("regionId", "cn-hangzhou"), "{\"x\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        ApiRequest received = codec.readEvent(new ByteArrayInputStream(codec.writeEvent(sent)));
        assertEquals(sent.path(), received.path());
        assertEquals("application/json", received.header("content-type").orElseThrow());
        assertEquals("cn-hangzhou", received.queryParameter("regionId").orElseThrow());
        assertArrayEquals(sent.body(), received.body());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.writeResponse(ApiResponse.json(207, "{\"ok\":\"é\"}").withHeader("X-Request-Id", "r-1"), out);
        ApiResponse answer = codec.readResponse(out.toByteArray());
        assertEquals(207, answer.statusCode());
        assertEquals("r-1", answer.headers().get("X-Request-Id"));
        assertEquals("{\"ok\":\"é\"}", answer.body());
    }
}
