package io.instancerole.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.chat.ApplyCodes;
import io.instancerole.chat.ChatOpsConfig;
import io.instancerole.chat.ChatPlatform;
import io.instancerole.chat.Signatures;
import io.instancerole.domain.model.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chatops function as deployed, with real signatures, against the emulator through the real SDK adapters. */
class ChatOpsFunctionTest {
    private static final String DING_SECRET = "test-dingtalk-app-secret";
    private static final String SLACK_SECRET = "test-slack-signing-secret";
    static final String APPLY_KEY = "test-apply-key-0123456789abcdefghijklmnop";
    private static final String DIRECTORY = "{\"dingtalk\": {\"users\": {\"staff-alice\": {\"callerId\": \"alice\", \"team\": \"team-a\"}}},"
            + " \"slack\": {\"users\": {\"T1/U0ALICE\": {\"callerId\": \"alice\", \"team\": \"team-a\"},"
            + " \"T1/U0BOB\": {\"callerId\": \"bob\", \"team\": \"team-b\"}}}}";

    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld(Map.of(ChatOpsConfig.DINGTALK_APP_SECRET, DING_SECRET,
            ChatOpsConfig.SLACK_SIGNING_SECRET, SLACK_SECRET, ChatOpsConfig.CHATOPS_DIRECTORY, DIRECTORY,
            ChatOpsConfig.CHATOPS_APPLY_KEY, ChatOpsFunctionTest.APPLY_KEY));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("apply ([0-9A-Z]{6})");

    static byte[] dingTalkBody(String staffId, String text, String msgId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("msgtype", "text");
        body.putObject("text").put("content", " " + text);
        body.put("msgId", msgId);
        body.put("senderStaffId", staffId);
        body.put("conversationId", "cid-direct");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static GatewayEvent dingTalk(byte[] body, long timestampMillis, String secret) {
        String timestamp = String.valueOf(timestampMillis);
        return GatewayEvent.post("/v1/chatops/dingtalk", new String(body, StandardCharsets.UTF_8)).header("timestamp", timestamp)
                .header("sign", Signatures.dingTalkSign(secret, timestamp));
    }

    static byte[] slackBody(String user, String text) {
        return ("token=x&team_id=T1&channel_id=C1&user_id=" + user + "&command=%2Froles&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&trigger_id=" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    static GatewayEvent slack(byte[] signedBody, byte[] sentBody, long timestampSeconds, String secret) {
        String timestamp = String.valueOf(timestampSeconds);
        return GatewayEvent.of("POST", "/v1/chatops/slack").header("Content-Type", "application/x-www-form-urlencoded").body(sentBody)
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", Signatures.slackSignature(secret, timestamp, signedBody));
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static String slackText(Answer answer) {
        return answer.body().path("blocks").path(0).path("text").path("text").asText();
    }

    private static JsonNode lastAudit() {
        List<JsonNode> lines = WORLD.logger().auditLines();
        return lines.get(lines.size() - 1);
    }

    /** The instance's role in the emulator, "" when none. */
    private static String boundRole(String instanceId) {
        for (JsonNode instance : WORLD.state().path("instances")) {
            if (instance.path("instanceId").asText().equals(instanceId)) {
                return instance.path("ramRoleName").asText("");
            }
        }
        throw new AssertionError("no instance " + instanceId);
    }

    private static void refusedWithNothingDone(GatewayEvent event, String channel) {
        Answer answer = WORLD.call(ChatOpsFunction.class, event).assertError(401, "Unauthenticated");
        assertTrue(answer.body().path("message").asText().startsWith("request not verified"), answer.toString());
        assertEquals(0, WORLD.control().calls().size(), "no cloud call: " + WORLD.control().calls());
        JsonNode audit = lastAudit();
        assertEquals("denied", audit.path("outcome").asText());
        assertEquals(channel, audit.path("channel").asText());
        assertTrue(audit.path("callerId").isNull(), audit.toString());
    }

    @Test
    void slackRequestsWithoutTheRightSignatureAre401AndDoNothing() {
        long seconds = now() / 1000;
        byte[] bind = slackBody("U0ALICE", "bind team-a-web i-demoa1");
        refusedWithNothingDone(slack(bind, bind, seconds, "not-the-signing-secret"), "slack");
        refusedWithNothingDone(slack(bind, bind, seconds - 301, SLACK_SECRET), "slack");
        refusedWithNothingDone(slack(bind, slackBody("U0ALICE", "bind team-a-web i-demoa2"), seconds, SLACK_SECRET), "slack");
        refusedWithNothingDone(slack(bind, bind, seconds, SLACK_SECRET).withoutHeader("X-Slack-Signature"), "slack");
        refusedWithNothingDone(slack(bind, bind, seconds, SLACK_SECRET).withoutHeader("X-Slack-Request-Timestamp"), "slack");
        // the same request, signed right, does reach the cloud (a dry run's reads)
        String instance = WORLD.teamInstance("team-a");
        WORLD.createEcsRole("team-a-web");
        byte[] planned = slackBody("U0ALICE", "bind team-a-web " + instance);
        Answer plan = WORLD.call(ChatOpsFunction.class, slack(planned, planned, seconds, SLACK_SECRET)).assertOk(200);
        assertTrue(slackText(plan).contains("would be bound"), plan.toString());
        assertFalse(WORLD.control().calls().isEmpty());
    }

    @Test
    void dingTalkRequestsWithoutTheRightSignatureAre401AndDoNothing() {
        byte[] bind = dingTalkBody("staff-alice", "bind team-a-web i-demoa1", "msg-1");
        refusedWithNothingDone(dingTalk(bind, now(), "not-the-app-secret"), "dingtalk");
        refusedWithNothingDone(dingTalk(bind, now() - 11 * 60_000, DING_SECRET), "dingtalk");
        refusedWithNothingDone(dingTalk(bind, now(), DING_SECRET).withoutHeader("sign"), "dingtalk");
        refusedWithNothingDone(dingTalk(bind, now(), DING_SECRET).withoutHeader("timestamp"), "dingtalk");
        // the signature does not cover the body: a captured pair with another body is refused
        long captured = now();
        WORLD.call(ChatOpsFunction.class, dingTalk(dingTalkBody("staff-alice", "whoami", "msg-2"), captured, DING_SECRET)).assertOk(200);
        refusedWithNothingDone(dingTalk(dingTalkBody("staff-alice", "bind team-a-web i-demoa1", "msg-3"), captured, DING_SECRET), "dingtalk");
    }

    @Test
    void aRouteWithoutItsSecretDoesNotExist() {
        Map<String, String> environment = WORLD.environmentOf(ChatOpsFunction.class);
        environment.put(ChatOpsConfig.SLACK_SIGNING_SECRET, "");
        FunctionHandler withoutSlack = Functions.create(ChatOpsFunction.class, environment);
        byte[] body = slackBody("U0ALICE", "help");
        WORLD.call(withoutSlack, slack(body, body, now() / 1000, SLACK_SECRET), null).assertError(404, "NotFound");
    }

    @Test
    void aPlanIsADryRunAndApplyDoesItAuditedAsTheRestRouteWithChannelAndMessageId() {
        String instance = WORLD.teamInstance("team-a");
        WORLD.createEcsRole("team-a-web");
        byte[] planned = slackBody("U0ALICE", "bind team-a-web " + instance);
        String triggerId = new String(planned, StandardCharsets.UTF_8).replaceAll(".*trigger_id=", "");
        Answer plan = WORLD.call(ChatOpsFunction.class, slack(planned, planned, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertEquals("ephemeral", plan.body().path("response_type").asText());
        JsonNode planAudit = lastAudit();
        assertEquals("chatops", planAudit.path("function").asText());
        assertEquals("POST /v1/role-bindings", planAudit.path("route").asText());
        assertEquals("slack", planAudit.path("channel").asText());
        assertEquals(triggerId, planAudit.path("messageId").asText());
        assertEquals("alice", planAudit.path("callerId").asText());
        assertTrue(planAudit.path("dryRun").asBoolean());
        assertEquals(0, planAudit.path("changes").size());
        assertEquals("", boundRole(instance), "the plan changed nothing");

        Matcher code = CODE.matcher(slackText(plan));
        assertTrue(code.find(), slackText(plan));
        byte[] apply = slackBody("U0ALICE", "apply " + code.group(1));
        Answer applied = WORLD.call(ChatOpsFunction.class, slack(apply, apply, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertEquals("in_channel", applied.body().path("response_type").asText(), applied.toString());
        JsonNode applyAudit = lastAudit();
        assertFalse(applyAudit.path("dryRun").asBoolean());
        assertEquals("POST /v1/role-bindings", applyAudit.path("route").asText());
        assertEquals("AttachInstanceRamRole", applyAudit.path("changes").path(0).path("action").asText());
        assertEquals("success", applyAudit.path("outcome").asText());
        assertEquals("team-a-web", boundRole(instance));

        // bob may not apply alice's code
        byte[] bobApplies = slackBody("U0BOB", "apply " + code.group(1));
        Answer refused = WORLD.call(ChatOpsFunction.class, slack(bobApplies, bobApplies, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertTrue(slackText(refused).contains("someone else's plan"), refused.toString());
        assertEquals("denied", lastAudit().path("outcome").asText());
    }

    @Test
    void anExpiredOrTamperedCodeIsRefusedAndChangesNothing() {
        String instance = WORLD.teamInstance("team-a");
        WORLD.createEcsRole("team-a-web");
        String command = "bind team-a-web " + instance;
        String subject = ApplyCodes.subject(ChatPlatform.SLACK, "T1/U0ALICE", Caller.of("alice", "team-a"));
        String expired = new ApplyCodes(APPLY_KEY).issue(subject, command, Instant.now().minus(Duration.ofMinutes(11))).code();
        byte[] late = slackBody("U0ALICE", "apply " + expired + " " + command);
        Answer answer = WORLD.call(ChatOpsFunction.class, slack(late, late, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertTrue(slackText(answer).contains("This code has expired"), slackText(answer));
        String fresh = new ApplyCodes(APPLY_KEY).issue(subject, command, Instant.now()).code();
        String tampered = (fresh.charAt(0) == 'Z' ? "Y" : "Z") + fresh.substring(1);
        byte[] forged = slackBody("U0ALICE", "apply " + tampered + " " + command);
        answer = WORLD.call(ChatOpsFunction.class, slack(forged, forged, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertTrue(slackText(answer).contains("This code does not fit this command from you"), slackText(answer));
        assertEquals("", boundRole(instance));
        byte[] right = slackBody("U0ALICE", "apply " + fresh + " " + command);
        answer = WORLD.call(ChatOpsFunction.class, slack(right, right, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertTrue(slackText(answer).contains("Done: bind team-a-web"), slackText(answer));
        assertEquals("team-a-web", boundRole(instance), "the code with its command works on any instance, no memory needed");
    }

    @Test
    void anotherTeamsInstanceIsRefusedInChatAsOverRest() {
        String teamB = WORLD.teamInstance("team-b");
        // another team's instance answers as a missing one, in chat as over REST
        Answer rest = WORLD.call(DescribeFunction.class, GatewayEvent.get("/v1/instances/" + teamB + "/role").caller("alice", "team-a"))
                .assertError(404, "InstanceNotFound");
        byte[] show = slackBody("U0ALICE", "show " + teamB);
        Answer chat = WORLD.call(ChatOpsFunction.class, slack(show, show, now() / 1000, SLACK_SECRET)).assertOk(200);
        assertTrue(slackText(chat).contains("*InstanceNotFound*: " + rest.body().path("message").asText()), slackText(chat));
        assertEquals("invalid", lastAudit().path("outcome").asText());
        assertEquals("GET /v1/instances/{instanceId}/role", lastAudit().path("route").asText());
    }

    @Test
    void aDingTalkRedeliveryGetsTheSameReplyAndIsNotActedOnAgain() {
        String instance = WORLD.teamInstance("team-a");
        WORLD.createEcsRole("team-a-web");
        GatewayEvent first = dingTalk(dingTalkBody("staff-alice", "show " + instance, "msg-redelivered"), now(), DING_SECRET);
        Answer answered = WORLD.call(ChatOpsFunction.class, first).assertOk(200);
        assertEquals("markdown", answered.body().path("msgtype").asText());
        assertTrue(answered.body().path("markdown").path("text").asText().contains("has no role"), answered.toString());
        WORLD.control().clearCalls();
        Answer again = WORLD.call(ChatOpsFunction.class, first).assertOk(200);
        assertEquals(answered.body(), again.body());
        assertEquals(0, WORLD.control().calls().size(), "a redelivery is answered from the cache");
        assertEquals("msg-redelivered", lastAudit().path("messageId").asText());
    }

    @Test
    void aBatchOfAThousandIsSummarizedWithinSlacksLimitLineByLine() {
        WORLD.createEcsRole("team-a-web");
        String ids = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "i-missing" + i).collect(java.util.stream.Collectors.joining(" "));
        byte[] body = slackBody("U0ALICE", "bind team-a-web " + ids);
        Answer plan = WORLD.call(ChatOpsFunction.class, slack(body, body, now() / 1000, SLACK_SECRET)).assertOk(200);
        String text = slackText(plan);
        assertTrue(text.length() <= 3000, "one Slack text block: " + text.length());
        assertTrue(text.contains("would fail: 1000"), text);
        assertTrue(text.matches("(?s).*\\n• `i-missing0` InstanceNotFound: [^\\n]+\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n… and \\d+ more failures \\(the API's answer to the same request lists every instance\\).*"), text);
        assertTrue(text.startsWith("*Nothing to apply: ") && text.endsWith("Fix what would fail, then send the command again."),
                "no code for a plan that changes nothing: " + text);
        for (String line : text.split("\n")) {
            assertFalse(line.startsWith("• ") && !line.matches("• `i-missing\\d+` InstanceNotFound: .*i-missing\\d+.*"), "a whole line: " + line);
        }
    }

    @Test
    void aStrangerIsToldWhichIdToRegisterAndNothingIsDone() {
        byte[] body = dingTalkBody("staff-carol", "bind team-a-web i-demoa1", "msg-stranger");
        // identity headers mean nothing on a chat route, whoever added them
        Answer answer = WORLD.call(ChatOpsFunction.class, dingTalk(body, now(), DING_SECRET).caller("platform-admin", "platform")).assertOk(200);
        String reply = answer.body().path("markdown").path("text").asText();
        assertTrue(reply.contains("`staff-carol`") && reply.contains("Nothing was done"), reply);
        assertEquals(0, WORLD.control().calls().size());
        assertEquals("denied", lastAudit().path("outcome").asText());
    }
}
