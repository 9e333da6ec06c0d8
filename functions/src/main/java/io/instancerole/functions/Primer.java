package io.instancerole.functions;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpClientType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.chat.ChatAnswer;
import io.instancerole.domain.audit.AuditEvent;
import io.instancerole.domain.audit.AuditOutcome;
import io.instancerole.domain.audit.AuditWriter;
import io.instancerole.domain.authorize.AttachPolicyResult;
import io.instancerole.domain.authorize.CreatePolicyResult;
import io.instancerole.domain.authorize.LintAnswer;
import io.instancerole.domain.binding.BatchResult;
import io.instancerole.domain.describe.InstanceRoleResult;
import io.instancerole.domain.describe.ListResult;
import io.instancerole.domain.describe.RoleDescription;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.grant.PassRoleGrantResult;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.role.CreateRoleResult;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.EventCodec;
import io.instancerole.functions.http.JsonBody;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Does once, in the initializer, what the first request would otherwise pay for: resolves the
 * whole graph, builds Jackson's serializers for every answer type and runs a JSON round trip,
 * takes a synthetic event through the HTTP edge of every route, and runs one SDK request through
 * the whole SDK on a transport that sends nothing. Side-effect free: no cloud call, no audit line.
 */
final class Primer {
    private static final List<Class<?>> ANSWER_TYPES = List.of(CreateRoleResult.class, CreatePolicyResult.class,
            AttachPolicyResult.class, BatchResult.class, PassRoleGrantResult.class, InstanceRoleResult.class,
            RoleDescription.class, ListResult.class, LintAnswer.class, AuditEvent.class, ChatAnswer.class);
    private static final Caller PRIMING_CALLER = Caller.of("initializer", "initializer");

    private Primer() {}

    static void prime(FunctionsComponent component, Router<Endpoint> router) throws IOException {
        resolveGraph(component);
        primeJackson();
        primeEdge(router);
        signOffline(component.deploymentConfig().defaultRegion());
    }

    private static void resolveGraph(FunctionsComponent component) {
        component.deploymentConfig();
        component.executionCredentials();
        component.createRoleService();
        component.policyService();
        component.bindingService();
        component.passRoleGrantService();
        component.describeService();
        component.listService();
        component.requestContexts();
        component.chatOps();
        // opening a session makes no call: clients are made on first use
        component.cloudSessions().open(PRIMING_CALLER);
    }

    private static void primeJackson() throws IOException {
        for (Class<?> type : ANSWER_TYPES) {
            FunctionHandler.MAPPER.writerFor(type);
        }
        AuditEvent event = AuditEvent.builder("priming", "initializer", "GET /", Instant.EPOCH)
                .caller(PRIMING_CALLER.id(), PRIMING_CALLER.team())
                .target(Map.of("roleName", "priming"))
                .outcome(AuditOutcome.SUCCESS)
                .build();
        JsonNode back = FunctionHandler.MAPPER.readTree(new AuditWriter().render(event));
        if (!"audit".equals(back.path("type").asText())) {
            throw new IllegalStateException("the JSON round trip of an audit event lost its type: " + back);
        }
    }

    /** Every route's path through both event formats, routing, body checks and an error answer, with no service call. */
    private static void primeEdge(Router<Endpoint> router) throws IOException {
        for (EventCodec codec : FunctionHandler.EVENTS.all()) {
            for (Route<Endpoint> route : router.routes()) {
                String path = route.template().replaceAll("\\{[^}/]+}", "priming");
                byte[] event = codec.writeEvent(new ApiRequest(route.method(), path,
                        Map.of("Content-Type", "application/json"), Map.of(), "{\"dryRun\":true}".getBytes(StandardCharsets.UTF_8)));
                JsonNode parsed = FunctionHandler.EVENTS.parse(new ByteArrayInputStream(event));
                ApiRequest request = FunctionHandler.EVENTS.codecOf(parsed).read(parsed);
                Endpoint endpoint = router.match(request.method(), request.path()).route().target();
                endpoint.rejectUnknownQueryParameters(request);
                if (endpoint.takesBody()) {
                    JsonBody.parse(request, FunctionHandler.MAPPER, endpoint.bodyFields()).bool(Endpoint.DRY_RUN, false);
                }
            }
            try {
                router.match("PRIMING", "/");
            } catch (DomainException expected) {
                ApiResponse answer = FunctionHandler.ERRORS.of(expected, "priming");
                codec.writeResponse(answer, OutputStream.nullOutputStream());
            }
        }
    }

    /**
     * Runs one GetRole through the whole SDK path (client set-up, signing, tracing, retry policy,
     * answer unmarshalling) on a transport that sends nothing.
     */
    private static void signOffline(RegionId region) {
        HttpClientConfig http = HttpClientConfig.getDefault();
        http.setClientType(HttpClientType.Custom);
        http.setCustomClientClassName(OfflineHttpClient.class.getName());
        DefaultProfile profile = DefaultProfile.getProfile(region.value());
        profile.setHttpClientConfig(http);
        DefaultAcsClient client = new DefaultAcsClient(profile, new BasicCredentials("priming-key-id", "priming-key-secret"));
        try {
            GetRoleRequest request = new GetRoleRequest();
            request.setRoleName(OfflineHttpClient.ROLE_NAME);
            request.setSysEndpoint("127.0.0.1");
            request.setSysProtocol(ProtocolType.HTTP);
            GetRoleResponse answer = client.getAcsResponse(request);
            if (!request.getSysUrl().contains("Signature=") || !OfflineHttpClient.ROLE_NAME.equals(answer.getRole().getRoleName())) {
                throw new IllegalStateException("the SDK did not sign or read back the offline request while priming");
            }
        } catch (ClientException e) {
            throw new IllegalStateException("the SDK failed an offline request while priming: " + e.getErrCode(), e);
        } finally {
            client.shutdown();
        }
    }
}
