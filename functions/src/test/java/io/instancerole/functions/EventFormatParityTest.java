package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.functions.http.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route answers an HTTP-trigger event exactly as it answers the API Gateway event of the
 * same request: same status, same body. Two accounts go through the same requests, one invoked
 * with each format, so they stay alike. The requests carry what differs most between the formats:
 * base64 bodies, percent-encoded path parameters, repeated headers. A route with no request here
 * (a new one) is still compared, with a request made from its template.
 */
class EventFormatParityTest {
    @RegisterExtension
    static final CloudWorld API_GATEWAY = new CloudWorld(EventFormat.API_GATEWAY);
    @RegisterExtension
    static final CloudWorld HTTP_TRIGGER = new CloudWorld(EventFormat.HTTP_TRIGGER);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
            + "\"Resource\":\"acs:oss:*:*:team-a-logs/*\"}]}";

    /** A request made on a prepared account; the ids the account made for it, to compare answers whatever the emulator named them. */
    private static final class Prepared {
        final GatewayEvent event;
        final Map<String, String> ids;

        Prepared(GatewayEvent event, Map<String, String> ids) {
            this.event = event;
            this.ids = ids;
        }
    }

    private static final class Case {
        final String route;
        final int status;
        final Function<CloudWorld, Prepared> prepare;

        Case(String route, int status, Function<CloudWorld, Prepared> prepare) {
            this.route = route;
            this.status = status;
            this.prepare = prepare;
        }
    }

    private static GatewayEvent post(String path, String body) {
        return GatewayEvent.post(path, body).caller("alice@example.com", "team-a").base64();
    }

    private static GatewayEvent get(String path) {
        return GatewayEvent.get(path).caller("alice@example.com", "team-a");
    }

    private static Prepared plain(GatewayEvent event) {
        return new Prepared(event, Map.of());
    }

    private static Prepared withBoundInstance(CloudWorld world, String role, Function<String, GatewayEvent> request) {
        world.createEcsRole(role);
        String instance = world.teamInstance("team-a");
        world.bindWithRoot(role, instance);
        return new Prepared(request.apply(instance), Map.of(instance, "<instance>"));
    }

    /** Each request names resources of its own: the accounts keep what the requests before it made. */
    private static List<Case> cases() {
        return List.of(
                new Case("POST /v1/roles", 201, w -> plain(post("/v1/roles", "{\"roleName\":\"team-a-web\",\"description\":\"é\"}"))),
                new Case("POST /v1/roles", 401, w -> plain(post("/v1/roles", "{\"roleName\":\"platform-x\"}")
                        .header("X-Caller-Team", "team-a", "platform"))),
                new Case("POST /v1/policies", 201, w -> plain(post("/v1/policies",
                        "{\"policyName\":\"team-a-logs\",\"document\":" + DOCUMENT + "}"))),
                new Case("POST /v1/roles/{roleName}/policy-attachments", 201, w -> {
                    w.createEcsRole("team-a-attach");
                    return plain(post("/v1/roles/team%2Da%2Dattach/policy-attachments",
                            "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"System\"}"));
                }),
                new Case("POST /v1/role-bindings", 200, w -> {
                    w.createEcsRole("team-a-bind");
                    String instance = w.teamInstance("team-a");
                    return new Prepared(post("/v1/role-bindings", "{\"roleName\":\"team-a-bind\",\"instanceIds\":[\"" + instance + "\"]}"),
                            Map.of(instance, "<instance>"));
                }),
                new Case("POST /v1/role-bindings/unbind", 200, w -> withBoundInstance(w, "team-a-unbind",
                        i -> post("/v1/role-bindings/unbind", "{\"instanceIds\":[\"" + i + "\"]}"))),
                new Case("POST /v1/role-bindings/replace", 200, w -> {
                    w.createEcsRole("team-a-next");
                    return withBoundInstance(w, "team-a-replace", i -> post("/v1/role-bindings/replace",
                            "{\"roleName\":\"team-a-next\",\"instanceIds\":[\"" + i + "\"]}"));
                }),
                new Case("POST /v1/pass-role-grants", 201, w -> {
                    w.createEcsRole("team-a-grant");
                    w.control().createUser("deployer");
                    return plain(post("/v1/pass-role-grants", "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-grant\"]}"));
                }),
                new Case("POST /v1/pass-role-grants/revoke", 200, w -> plain(post("/v1/pass-role-grants/revoke",
                        "{\"userName\":\"deployer\",\"roleNames\":[\"team-a-grant\"]}"))),
                new Case("GET /v1/roles/{roleName}", 200, w -> {
                    w.createEcsRole("team-a-describe");
                    return plain(get("/v1/roles/team%2da-describe"));
                }),
                new Case("GET /v1/instances/{instanceId}/role", 200, w -> withBoundInstance(w, "team-a-instance",
                        i -> get("/v1/instances/" + i + "/role").query("regionId", "cn-hangzhou"))),
                // the accounts' instance ids differ and a list sorts by them: list a region with none here,
                // and a role's instances where exactly one is bound
                new Case("GET /v1/instances", 200, w -> plain(get("/v1/instances").query("regionId", "cn-shanghai"))),
                new Case("GET /v1/roles/{roleName}/instances", 200, w -> withBoundInstance(w, "team-a-listed",
                        i -> get("/v1/roles/team%2Da-listed/instances").query("regionId", "cn-hangzhou"))));
    }

    @Test
    void everyRouteAnswersBothFormatsAlike() throws Exception {
        Map<String, Class<? extends FunctionHandler>> handlers = new LinkedHashMap<>();
        for (Class<? extends FunctionHandler> type : Functions.CLASSES) {
            for (Route<Endpoint> route : Functions.create(type, Map.of()).router().routes()) {
                handlers.put(route.name(), type);
            }
        }
        List<Case> cases = new ArrayList<>(cases());
        for (String route : handlers.keySet()) {
            if (cases.stream().noneMatch(c -> c.route.equals(route))) {
                cases.add(generic(route));
            }
        }
        for (Case c : cases) {
            Class<? extends FunctionHandler> handler = handlers.get(c.route);
            assertTrue(handler != null, "no handler routes " + c.route);
            List<String> answers = new ArrayList<>();
            for (CloudWorld world : List.of(API_GATEWAY, HTTP_TRIGGER)) {
                Prepared prepared = c.prepare.apply(world);
                Answer answer = world.call(handler, prepared.event);
                if (c.status > 0) {
                    assertEquals(c.status, answer.status(), () -> c.route + " in " + world.format() + ": " + answer.rawBody());
                }
                Map<String, String> ids = new LinkedHashMap<>(prepared.ids);
                ids.put(world.accountId(), "<account>");
                answers.add(answer.status() + " " + comparable(answer.rawBody(), ids));
            }
            assertEquals(answers.get(0), answers.get(1), c.route);
        }
    }

    /** A request from the route's template alone: its status is not known here, only that both formats agree on it. */
    private static Case generic(String route) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}/]+}", "team-a-x");
        return new Case(route, 0, w -> plain("GET".equals(parts[0]) ? get(path) : post(path, "{\"dryRun\":true}")));
    }

    /** The body without what differs from one run to the next (request ids, ids and dates the cloud makes), the ids the account made replaced by their roles. */
    private static String comparable(String body, Map<String, String> ids) throws Exception {
        JsonNode json = JSON.readTree(body);
        json.findParents("requestId").forEach(node -> ((ObjectNode) node).remove("requestId"));
        for (String generated : List.of("roleId", "createDate", "updateDate", "attachDate")) {
            json.findParents(generated).forEach(node -> ((ObjectNode) node).remove(generated));
        }
        String text = json.toString();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace(id.getKey(), id.getValue());
        }
        return text;
    }
}
