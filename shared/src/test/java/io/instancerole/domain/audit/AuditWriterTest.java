package io.instancerole.domain.audit;

import static io.instancerole.domain.TestJson.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.fake.InMemoryCloud;
import io.instancerole.domain.fake.RecordingLogSink;
import io.instancerole.domain.fake.TestContexts;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.RequestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditWriterTest {
    private final AuditWriter writer = new AuditWriter();

    @Test
    void anEventIsOneJsonLineWithTheContractsFields() {
        InMemoryCloud cloud = new InMemoryCloud();
        RequestContext ctx = TestContexts.of(cloud, "team-a", false);
        ctx.cloud().ram().getRole(RoleName.of("team-a-web"));
        ctx.recordChange("CreateRole", Map.of("roleName", "team-a-web"));
        RecordingLogSink sink = new RecordingLogSink();

        writer.write(AuditEvent.from(ctx, "createRole", "POST /v1/roles").outcome(AuditOutcome.SUCCESS)
                .target(Map.of("roleName", "team-a-web")).build(), sink);

        assertEquals(1, sink.infoLines().size());
        String line = sink.infoLines().get(0);
        assertFalse(line.contains("\n"));
        JsonNode json = Json.parse(line).orElseThrow();
        assertEquals(List.of("type", "time", "requestId", "callerId", "callerTeam", "function", "route", "dryRun", "outcome",
                "target", "changes", "cloudRequestIds"), fieldNames(json));
        assertEquals("audit", json.get("type").asText());
        assertEquals(TestContexts.STARTED_AT.toString(), json.get("time").asText());
        assertEquals(TestContexts.REQUEST_ID, json.get("requestId").asText());
        assertEquals("alice@team-a", json.get("callerId").asText());
        assertEquals("team-a", json.get("callerTeam").asText());
        assertEquals("success", json.get("outcome").asText());
        assertEquals("CreateRole", json.get("changes").get(0).get("action").asText());
        assertEquals(ctx.cloudRequestIds().get(0), json.get("cloudRequestIds").get(0).asText());
    }

    @Test
    void aRequestRefusedBeforeAuthenticationHasNoCaller() {
        String line = writer.render(AuditEvent.builder("req-9", "bindRole", "POST /v1/role-bindings", Instant.EPOCH)
                .outcome(AuditOutcome.DENIED).build());
        JsonNode json = Json.parse(line).orElseThrow();
        assertTrue(json.get("callerId").isNull());
        assertEquals("denied", json.get("outcome").asText());
        assertEquals(0, json.get("changes").size());
    }

    @Test
    void valuesUnderSecretKeysAreMasked() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("roleName", "team-a-web");
        target.put("AccessKeySecret", "very-secret-value");
        target.put("nested", Map.of("SecurityToken", "token-value", "Signature", "sig-value"));
        String line = writer.render(AuditEvent.builder("req-9", "createRole", "POST /v1/roles", Instant.EPOCH)
                .outcome(AuditOutcome.SUCCESS).target(target).build());
        assertFalse(line.contains("very-secret-value"), line);
        assertFalse(line.contains("token-value"), line);
        assertFalse(line.contains("sig-value"), line);
        assertTrue(line.contains("team-a-web"), line);
    }

    @Test
    void theOutcomeFollowsTheStatus() {
        assertEquals(AuditOutcome.SUCCESS, AuditOutcome.forStatus(200));
        assertEquals(AuditOutcome.SUCCESS, AuditOutcome.forStatus(201));
        assertEquals(AuditOutcome.PARTIAL, AuditOutcome.forStatus(207));
        assertEquals(AuditOutcome.DENIED, AuditOutcome.forStatus(401));
        assertEquals(AuditOutcome.DENIED, AuditOutcome.forStatus(403));
        assertEquals(AuditOutcome.INVALID, AuditOutcome.forStatus(400));
        assertEquals(AuditOutcome.INVALID, AuditOutcome.forStatus(404));
        assertEquals(AuditOutcome.INVALID, AuditOutcome.forStatus(422));
        assertEquals(AuditOutcome.FAILED, AuditOutcome.forStatus(429));
        assertEquals(AuditOutcome.FAILED, AuditOutcome.forStatus(502));
        assertEquals(AuditOutcome.FAILED, AuditOutcome.forStatus(500));
    }
}
