package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests a caller can get wrong: each is a 4xx in the contract's error shape, is audited, and
 * neither changes the account nor reaches the cloud at all.
 */
class BadRequestCorpusTest {
    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld();

    /** One POST body per route that would be fine, so each case breaks exactly one thing. */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "/v1/roles", "{\"roleName\":\"team-a-web\"}",
            "/v1/policies", "{\"policyName\":\"team-a-p\",\"document\":{\"Version\":\"1\",\"Statement\":[]}}",
            "/v1/roles/team-a-web/policy-attachments", "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"System\"}",
            "/v1/role-bindings", "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\"]}",
            "/v1/role-bindings/unbind", "{\"instanceIds\":[\"i-abcd1234\"]}",
            "/v1/role-bindings/replace", "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\"]}",
            "/v1/pass-role-grants", "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"]}",
            "/v1/pass-role-grants/revoke", "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"]}");
    private static final Map<String, Class<? extends FunctionHandler>> POST_ROUTES = Map.of(
            "/v1/roles", CreateRoleFunction.class,
            "/v1/policies", CreatePolicyFunction.class,
            "/v1/roles/team-a-web/policy-attachments", CreatePolicyFunction.class,
            "/v1/role-bindings", BindRoleFunction.class,
            "/v1/role-bindings/unbind", UnbindRoleFunction.class,
            "/v1/role-bindings/replace", ReplaceRoleFunction.class,
            "/v1/pass-role-grants", GrantPassRoleFunction.class,
            "/v1/pass-role-grants/revoke", GrantPassRoleFunction.class);

    private static final class Case {
        final String name;
        final Class<? extends FunctionHandler> function;
        final GatewayEvent event;
        final int status;
        final String code;
        final String detailField;

        Case(String name, Class<? extends FunctionHandler> function, GatewayEvent event, int status, String code, String detailField) {
            this.name = name;
            this.function = function;
            this.event = event;
            this.status = status;
            this.code = code;
            this.detailField = detailField;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static GatewayEvent post(String path, String body) {
        return GatewayEvent.post(path, body).caller("alice", "team-a");
    }

    private static String bigBody() {
        StringBuilder padding = new StringBuilder();
        while (padding.length() <= 64 * 1024) {
            padding.append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        }
        return "{\"roleName\":\"team-a-web\",\"description\":\"" + padding + "\"}";
    }

    /** The same mistakes, made on every POST route. */
    private static List<Case> everyPostRoute() {
        List<Case> cases = new ArrayList<>();
        POST_ROUTES.forEach((path, function) -> {
            String valid = VALID_BODIES.get(path);
            String with = valid.substring(0, valid.length() - 1);
            cases.add(new Case(path + " malformed JSON", function, post(path, "{\"roleName\":"), 400, "InvalidRequest", null));
            cases.add(new Case(path + " trailing garbage", function, post(path, valid + "}"), 400, "InvalidRequest", null));
            cases.add(new Case(path + " a list, not an object", function, post(path, "[" + valid + "]"), 400, "InvalidRequest", null));
            cases.add(new Case(path + " a string, not an object", function, post(path, "\"hello\""), 400, "InvalidRequest", null));
            cases.add(new Case(path + " empty body", function, post(path, ""), 400, "InvalidRequest", null));
            cases.add(new Case(path + " unknown field", function, post(path, with + ",\"roleNmae\":\"x\"}"), 400, "InvalidRequest", "roleNmae"));
            cases.add(new Case(path + " key written twice", function, post(path, with + ",\"dryRun\":false,\"dryRun\":true}"), 400,
                    "InvalidRequest", null));
            cases.add(new Case(path + " dryRun not a boolean", function, post(path, with + ",\"dryRun\":\"yes\"}"), 400,
                    "InvalidParameter", "dryRun"));
            cases.add(new Case(path + " text/plain", function, post(path, valid).header("Content-Type", "text/plain"), 415,
                    "UnsupportedMediaType", null));
            cases.add(new Case(path + " form content type", function,
                    post(path, valid).header("Content-Type", "application/x-www-form-urlencoded"), 415, "UnsupportedMediaType", null));
            cases.add(new Case(path + " no content type", function, post(path, valid).withoutHeader("Content-Type"), 415,
                    "UnsupportedMediaType", null));
            cases.add(new Case(path + " over 64 KiB", function, post(path, bigBody()), 413, "PayloadTooLarge", null));
            cases.add(new Case(path + " over 64 KiB, base64", function, post(path, bigBody()).base64(), 413, "PayloadTooLarge", null));
            cases.add(new Case(path + " base64 of malformed JSON", function, post(path, "{\"x\":").base64(), 400, "InvalidRequest", null));
            cases.add(new Case(path + " GET", function, GatewayEvent.get(path).caller("alice", "team-a"), 405, "MethodNotAllowed", null));
            cases.add(new Case(path + " DELETE", function, GatewayEvent.of("DELETE", path).caller("alice", "team-a"), 405,
                    "MethodNotAllowed", null));
            cases.add(new Case(path + " no caller", function, GatewayEvent.post(path, valid), 401, "Unauthenticated", null));
            cases.add(new Case(path + " no team", function, GatewayEvent.post(path, valid).header("X-Caller-Id", "alice"), 401,
                    "Unauthenticated", null));
            cases.add(new Case(path + " malformed team", function, GatewayEvent.post(path, valid).caller("alice", "Team A"), 401,
                    "Unauthenticated", null));
            cases.add(new Case(path + " unknown query parameter", function, post(path, valid).query("dryrun", "true"), 400,
                    "InvalidRequest", "dryrun"));
        });
        return cases;
    }

    private static List<Case> routeSpecific() {
        String ids1001 = IntStream.range(0, 1001).mapToObj(i -> "\"i-abcd" + (1000 + i) + "\"").collect(Collectors.joining(","));
        String roles21 = IntStream.range(0, 21).mapToObj(i -> "\"team-a-r" + i + "\"").collect(Collectors.joining(","));
        String longText = "x".repeat(1025);
        Class<? extends FunctionHandler> role = CreateRoleFunction.class;
        Class<? extends FunctionHandler> policy = CreatePolicyFunction.class;
        Class<? extends FunctionHandler> bind = BindRoleFunction.class;
        Class<? extends FunctionHandler> unbind = UnbindRoleFunction.class;
        Class<? extends FunctionHandler> replace = ReplaceRoleFunction.class;
        Class<? extends FunctionHandler> grant = GrantPassRoleFunction.class;
        Class<? extends FunctionHandler> describe = DescribeFunction.class;
        return List.of(
                new Case("roleName missing", role, post("/v1/roles", "{}"), 400, "InvalidParameter", "roleName"),
                new Case("roleName a number", role, post("/v1/roles", "{\"roleName\":42}"), 400, "InvalidParameter", "roleName"),
                new Case("roleName with a space", role, post("/v1/roles", "{\"roleName\":\"team-a web\"}"), 400, "InvalidParameter", "roleName"),
                new Case("roleName too long", role, post("/v1/roles", "{\"roleName\":\"team-a-" + "w".repeat(60) + "\"}"), 400,
                        "InvalidParameter", "roleName"),
                new Case("roleName null", role, post("/v1/roles", "{\"roleName\":null}"), 400, "InvalidParameter", "roleName"),
                new Case("maxSessionDuration too small", role, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"maxSessionDuration\":100}"),
                        400, "InvalidParameter", "maxSessionDuration"),
                new Case("maxSessionDuration as text", role, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"maxSessionDuration\":\"3600\"}"),
                        400, "InvalidParameter", "maxSessionDuration"),
                new Case("maxSessionDuration a fraction", role, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"maxSessionDuration\":3600.5}"),
                        400, "InvalidParameter", "maxSessionDuration"),
                new Case("description too long", role, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"description\":\"" + longText + "\"}"),
                        400, "InvalidParameter", "description"),
                new Case("description an object", role, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"description\":{}}"),
                        400, "InvalidParameter", "description"),
                new Case("nested 2000 deep", role, post("/v1/roles", "{\"description\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), 400,
                        "InvalidRequest", null),
                new Case("a 2000-digit number", role, post("/v1/roles", "{\"roleName\":\"team-a-web\",\"maxSessionDuration\":"
                        + "9".repeat(2000) + "}"), 400, "InvalidRequest", null),
                new Case("not UTF-8", role, post("/v1/roles", "").body(new byte[] {'{', '"', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                        400, "InvalidRequest", null),
                new Case("a JSON null body", role, post("/v1/roles", "null"), 400, "InvalidRequest", null),
                new Case("document missing", policy, post("/v1/policies", "{\"policyName\":\"team-a-p\"}"), 400, "InvalidParameter", "document"),
                new Case("document a number", policy, post("/v1/policies", "{\"policyName\":\"team-a-p\",\"document\":42}"), 400,
                        "InvalidParameter", "document"),
                new Case("policyName with an underscore", policy, post("/v1/policies",
                        "{\"policyName\":\"team_a_p\",\"document\":{\"Version\":\"1\",\"Statement\":[]}}"), 400, "InvalidParameter", "policyName"),
                new Case("attachToRoles not a list", policy, post("/v1/policies",
                        "{\"policyName\":\"team-a-p\",\"document\":{},\"attachToRoles\":\"team-a-web\"}"), 400, "InvalidParameter", "attachToRoles"),
                new Case("attachToRoles holds a number", policy, post("/v1/policies",
                        "{\"policyName\":\"team-a-p\",\"document\":{},\"attachToRoles\":[1]}"), 400, "InvalidParameter", "attachToRoles[0]"),
                new Case("attachToRoles names a role twice", policy, post("/v1/policies",
                        "{\"policyName\":\"team-a-p\",\"document\":{},\"attachToRoles\":[\"team-a-x\",\"TEAM-A-X\"]}"), 400, "InvalidParameter",
                        "attachToRoles[1]"),
                new Case("policyType unknown", policy, post("/v1/roles/team-a-web/policy-attachments",
                        "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"Managed\"}"), 400, "InvalidParameter", "policyType"),
                new Case("roleName in the path invalid", policy, post("/v1/roles/team-a%20web/policy-attachments",
                        VALID_BODIES.get("/v1/roles/team-a-web/policy-attachments")), 400, "InvalidParameter", "roleName"),
                new Case("malformed %-escape in the path", policy, post("/v1/roles/team-a%zzweb/policy-attachments",
                        VALID_BODIES.get("/v1/roles/team-a-web/policy-attachments")), 400, "InvalidRequest", null),
                new Case("instanceIds empty", bind, post("/v1/role-bindings", "{\"roleName\":\"team-a-web\",\"instanceIds\":[]}"), 400,
                        "InvalidParameter", "instanceIds"),
                new Case("instanceIds missing", unbind, post("/v1/role-bindings/unbind", "{}"), 400, "InvalidParameter", "instanceIds"),
                new Case("instanceIds over 1000", bind, post("/v1/role-bindings", "{\"roleName\":\"team-a-web\",\"instanceIds\":[" + ids1001 + "]}"),
                        400, "InvalidParameter", "instanceIds"),
                new Case("instance listed twice", bind, post("/v1/role-bindings",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\",\"i-abcd1234\"]}"), 400, "InvalidParameter", "instanceIds[1]"),
                new Case("instance id malformed", bind, post("/v1/role-bindings",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\",\"I-ABCD\"]}"), 400, "InvalidParameter", "instanceIds[1]"),
                new Case("instanceIds a string", replace, post("/v1/role-bindings/replace",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":\"i-abcd1234\"}"), 400, "InvalidParameter", "instanceIds"),
                new Case("regionId malformed", bind, post("/v1/role-bindings",
                        "{\"regionId\":\"Hangzhou\",\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\"]}"), 400, "InvalidParameter", "regionId"),
                new Case("bind policy empty", bind, post("/v1/role-bindings",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\"],\"policy\":\"\"}"), 400, "InvalidParameter", "policy"),
                new Case("bind policy too long", bind, post("/v1/role-bindings",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\"],\"policy\":\"" + longText + "\"}"), 400, "InvalidParameter",
                        "policy"),
                new Case("expectedCurrentRoleName a number", replace, post("/v1/role-bindings/replace",
                        "{\"roleName\":\"team-a-web\",\"instanceIds\":[\"i-abcd1234\"],\"expectedCurrentRoleName\":5}"), 400, "InvalidParameter",
                        "expectedCurrentRoleName"),
                new Case("unbind roleName invalid", unbind, post("/v1/role-bindings/unbind",
                        "{\"instanceIds\":[\"i-abcd1234\"],\"roleName\":\"a/b\"}"), 400, "InvalidParameter", "roleName"),
                new Case("roleNames over 20", grant, post("/v1/pass-role-grants", "{\"userName\":\"deployer\",\"roleNames\":[" + roles21 + "]}"),
                        400, "InvalidParameter", "roleNames"),
                new Case("roleNames empty", grant, post("/v1/pass-role-grants/revoke", "{\"userName\":\"deployer\",\"roleNames\":[]}"), 400,
                        "InvalidParameter", "roleNames"),
                new Case("includeEcsActions as text", grant, post("/v1/pass-role-grants",
                        "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-web\"],\"includeEcsActions\":\"true\"}"), 400, "InvalidParameter",
                        "includeEcsActions"),
                new Case("userName missing", grant, post("/v1/pass-role-grants", "{\"roleNames\":[\"team-a-web\"]}"), 400, "InvalidParameter",
                        "userName"),
                new Case("userName invalid", grant, post("/v1/pass-role-grants", "{\"userName\":\"dep loyer\",\"roleNames\":[\"team-a-web\"]}"),
                        400, "InvalidParameter", "userName"),
                new Case("instance id in the path malformed", describe, GatewayEvent.get("/v1/instances/not-an-id/role").caller("alice", "team-a"),
                        400, "InvalidParameter", "instanceId"),
                new Case("regionId query malformed", describe, GatewayEvent.get("/v1/instances/i-abcd1234/role").query("regionId", "x")
                        .caller("alice", "team-a"), 400, "InvalidParameter", "regionId"),
                new Case("describe with an unknown query parameter", describe, GatewayEvent.get("/v1/roles/team-a-web").query("verbose", "1")
                        .caller("alice", "team-a"), 400, "InvalidRequest", "verbose"),
                new Case("describe POSTed", describe, post("/v1/roles/team-a-web", "{}"), 405, "MethodNotAllowed", null),
                new Case("describe without a caller", describe, GatewayEvent.get("/v1/roles/team-a-web"), 401, "Unauthenticated", null),
                new Case("an unknown path", describe, GatewayEvent.get("/v1/nothing").caller("alice", "team-a"), 404, "NotFound", null),
                new Case("a path of another function", role, GatewayEvent.get("/v1/roles/team-a-web").caller("alice", "team-a"), 404,
                        "NotFound", null),
                new Case("a trailing path segment", bind, post("/v1/role-bindings/x", VALID_BODIES.get("/v1/role-bindings")), 404, "NotFound",
                        null));
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>(everyPostRoute());
        cases.addAll(routeSpecific());
        return cases.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadRequestIsA4xxInTheErrorShapeAndTouchesNothing(Case bad) {
        JsonNode before = WORLD.state();
        Answer answer = WORLD.call(bad.function, bad.event).assertError(bad.status, bad.code);
        if (bad.detailField != null) {
            assertEquals(bad.detailField, answer.body().path("details").path(0).path("field").asText(), answer.rawBody());
        }
        if (bad.status == 405) {
            assertTrue(List.of("GET", "POST").contains(answer.header("Allow")), "Allow: " + answer.header("Allow"));
        }
        assertEquals(before, WORLD.state(), "the account is unchanged");
        assertEquals(0, WORLD.control().calls().size(), "no cloud call was made: " + WORLD.control().calls());
        List<JsonNode> audits = WORLD.logger().auditLines();
        assertEquals(1, audits.size(), "one audit line");
        assertEquals(bad.status == 401 ? "denied" : "invalid", audits.get(0).path("outcome").asText());
        assertEquals(answer.requestId(), audits.get(0).path("requestId").asText());
        assertTrue(WORLD.logger().errorLines().isEmpty(), "a bad request is not an error of the function: " + WORLD.logger().errorLines());
    }

    @Test
    void base64GarbageAndEventsThatAreNotEventsAre400() {
        for (Map.Entry<String, Class<? extends FunctionHandler>> route : POST_ROUTES.entrySet()) {
            String garbageEvent = "{\"path\":\"" + route.getKey() + "\",\"httpMethod\":\"POST\",\"headers\":{\"Content-Type\":\"application/json\","
                    + "\"X-Caller-Id\":\"alice\",\"X-Caller-Team\":\"team-a\"},\"body\":\"%%%not base64%%%\",\"isBase64Encoded\":true}";
            WORLD.callRaw(route.getValue(), garbageEvent.getBytes(StandardCharsets.UTF_8)).assertError(400, "InvalidRequest");
            WORLD.callRaw(route.getValue(), "this is not an event".getBytes(StandardCharsets.UTF_8)).assertError(400, "InvalidRequest");
            String neither = WORLD.callRaw(route.getValue(), "{\"path\":\"/v1/roles\",\"version\":\"v1\"}".getBytes(StandardCharsets.UTF_8))
                    .assertError(400, "InvalidRequest").body().path("message").asText();
            assertTrue(neither.contains("API Gateway event") && neither.contains("HTTP-trigger event"), "names both formats: " + neither);
            WORLD.callRaw(route.getValue(), new byte[0]).assertError(400, "InvalidRequest");
        }
        assertEquals(0, WORLD.control().calls().size());
        assertEquals(POST_ROUTES.size() * 4, WORLD.logger().auditLines().size(), "each one audited");
    }
}
