package io.instancerole.functions.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventCodecs events = new EventCodecs(JSON);

    private ApiRequest read(String event) throws Exception {
        JsonNode parsed = events.parse(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        return events.codecOf(parsed).read(parsed);
    }

    private EventCodec codecOf(String event) throws Exception {
        return events.codecOf(events.parse(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void readsACapturedApiGatewayEventWithAPlainBody() throws Exception {
        String event = "{\"path\":\"/v1/roles\",\"httpMethod\":\"POST\",\"headers\":{\"X-Ca-Api-Gateway\":\"abc\","
                + "\"Content-Type\":\"application/json\",\"X-Caller-Id\":\"alice\"},\"queryParameters\":{\"regionId\":\"cn-shanghai\"},"
                + "\"pathParameters\":{},\"body\":\"{\\\"roleName\\\":\\\"角色\\\"}\",\"isBase64Encoded\":false}";
        assertSame(events.apiGateway(), codecOf(event));
        ApiRequest request = read(event);
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

    /** The documentation's sample request of the HTTP trigger, with a body and a path that needed encoding. */
    @Test
    void readsTheHttpTriggersEventRoutingOnTheDecodedPath() throws Exception {
        String event = "{\"version\":\"v1\",\"rawPath\":\"/v1/roles/team-a%2Dweb%25\",\"body\":\"eyJhIjoxfQ==\",\"isBase64Encoded\":true,"
                + "\"headers\":{\"Content-Type\":\"application/json\",\"X-Caller-Team\":\"team-a,team-b\"},"
                + "\"queryParameters\":{\"regionId\":\"cn-hangzhou\"},"
                + "\"requestContext\":{\"accountId\":\"123456\",\"domainName\":\"x.cn-hangzhou.fcapp.run\",\"domainPrefix\":\"x\","
                + "\"http\":{\"method\":\"GET\",\"path\":\"/v1/roles/team-a-web%\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"11.11.11.1\","
                + "\"userAgent\":\"curl/8\"},\"requestId\":\"1-64f6cd87-abc\",\"time\":\"2023-09-05T06:41:11Z\",\"timeEpoch\":\"1693896071895\"}}";
        assertSame(events.httpTrigger(), codecOf(event));
        ApiRequest request = read(event);
        assertEquals("GET", request.method());
        Router<String> router = new Router<>(Route.get("/v1/roles/{roleName}", "describe"));
        assertEquals("team-a-web%", router.match(request.method(), request.path()).pathParameter("roleName"),
                "the decoded path's segments, a '%' in them kept as it is");
        assertEquals("{\"a\":1}", new String(request.body(), StandardCharsets.UTF_8));
        assertEquals("cn-hangzhou", request.queryParameter("regionId").orElseThrow());
        assertEquals(List.of("team-a", "team-b"), request.headerValues("x-caller-team"), "a header sent twice is seen twice");
        assertEquals("team-a,team-b", request.header("X-Caller-Team").orElseThrow());
    }

    @Test
    void apiGatewayHeadersGivenAsArraysKeepEveryValue() throws Exception {
        ApiRequest request = read("{\"path\":\"/v1/roles\",\"httpMethod\":\"GET\",\"headers\":{\"X-Caller-Team\":[\"team-a\",\"platform\"]}}");
        assertEquals(List.of("team-a", "platform"), request.headerValues("X-Caller-Team"));
        assertEquals("team-a,platform", request.header("x-caller-team").orElseThrow());
    }

    @Test
    void refusesWhatIsNeitherFormatNamingBoth() {
        for (String event : List.of("not json", "[1]", "{\"path\":\"/x\"}", "{\"version\":\"v1\",\"rawPath\":\"/x\"}",
                "{\"version\":\"v2\",\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/x\"}}}")) {
            DomainException e = assertThrows(DomainException.class, () -> read(event), event);
            assertEquals(ErrorCode.InvalidRequest, e.code());
            assertTrue(e.getMessage().contains("API Gateway event") && e.getMessage().contains("HTTP-trigger event"), e.getMessage());
        }
        for (String event : List.of("{\"path\":\"/x\",\"httpMethod\":\"POST\",\"body\":\"%%%\",\"isBase64Encoded\":true}",
                "{\"version\":\"v1\",\"body\":\"%%%\",\"isBase64Encoded\":true,\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/x\"}}}",
                "{\"version\":\"v1\",\"requestContext\":{\"http\":{\"method\":\"POST\"}}}")) {
            assertEquals(ErrorCode.InvalidRequest, assertThrows(DomainException.class, () -> read(event), event).code());
        }
    }

    /** What the local gateway sends each codec reads back as sent: path, every header value, query, body; and the answer. */
    @Test
    void eventsAndAnswersRoundTripInBothFormats() throws Exception {
        ApiRequest sent = ApiRequest.withHeaderValues("POST", "/v1/roles/a%2Db/policy-attachments",
                Map.of("content-type", List.of("application/json"), "X-Caller-Team", List.of("team-a", "team-b")),
                Map.of("regionId", "cn-hangzhou"), "{\"x\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        for (EventCodec codec : events.all()) {
            JsonNode event = JSON.readTree(codec.writeEvent(sent));
            assertSame(codec, events.codecOf(event));
            ApiRequest received = codec.read(event);
            assertEquals("POST", received.method());
            assertEquals("a-b", new Router<>(Route.post("/v1/roles/{roleName}/policy-attachments", "x"))
                    .match(received.method(), received.path()).pathParameter("roleName"), codec.description());
            assertEquals("application/json", received.header("Content-Type").orElseThrow());
            assertEquals(List.of("team-a", "team-b"), received.headerValues("x-caller-team"), codec.description());
            assertEquals("cn-hangzhou", received.queryParameter("regionId").orElseThrow());
            assertArrayEquals(sent.body(), received.body());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            codec.writeResponse(ApiResponse.json(207, "{\"ok\":\"é\"}").withHeader("X-Request-Id", "r-1"), out);
            JsonNode envelope = JSON.readTree(out.toByteArray());
            assertEquals(207, envelope.path("statusCode").intValue(), "the documented answer: statusCode, headers, body, isBase64Encoded");
            assertEquals("r-1", envelope.path("headers").path("X-Request-Id").asText());
            assertEquals(false, envelope.path("isBase64Encoded").asBoolean(true));
            ApiResponse answer = codec.readResponse(out.toByteArray());
            assertEquals(207, answer.statusCode());
            assertEquals("{\"ok\":\"é\"}", answer.body());
        }
        JsonNode trigger = JSON.readTree(events.httpTrigger().writeEvent(sent));
        assertEquals("/v1/roles/a-b/policy-attachments", trigger.path("requestContext").path("http").path("path").asText());
        assertEquals("/v1/roles/a%2Db/policy-attachments", trigger.path("rawPath").asText());
        assertEquals("team-a,team-b", trigger.path("headers").path("X-Caller-Team").asText(), "joined with ',' as the trigger does");
        assertTrue(trigger.path("headers").has("Content-Type"), "names canonicalised: " + trigger.path("headers"));
    }
}
