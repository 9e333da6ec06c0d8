package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.client.EmulatorControl;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A team's conversation with the bot through the local stack, for each platform: the {@code chat}
 * command signs as the platform would and prints the reply as a person reads it; the emulator's
 * state is checked after every apply, and is unchanged by every plan, refusal and mistake.
 */
class ChatConversationTest {
    private static final Pattern CODE = Pattern.compile("apply ([0-9A-Z]{6})");
    private static LocalStack stack;
    private static EmulatorControl control;

    @BeforeAll
    static void serve() {
        StackRunner runner = new StackRunner();
        LocalMain.Outcome outcome = runner.run("serve", "--port", "0", "--emulator-port", "0", "--metadata-port", "-1",
                "--template", Project.template().toString());
        assertEquals(0, outcome.status(), runner.err());
        stack = (LocalStack) outcome.running();
        control = stack.emulator().orElseThrow().control();
        assertTrue(runner.out().contains("chat dingtalk --as staff-alice --url " + stack.gatewayUrl() + " \"help\""), runner.out());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** What a person in the chat reads after sending {@code text}. */
    private static String say(String platform, String sender, String text) {
        StackRunner runner = new StackRunner();
        LocalMain.Outcome outcome = runner.run("chat", platform, "--as", sender, "--url", stack.gatewayUrl(), text);
        assertEquals(0, outcome.status(), "the bot answered '" + abbreviated(text) + "': " + runner.err());
        return runner.out();
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static EmulatorState state() {
        return new EmulatorState(control.state());
    }

    private static String code(String plan) {
        Matcher matcher = CODE.matcher(plan);
        assertTrue(matcher.find(), "the plan gives a code: " + plan);
        return matcher.group(1);
    }

    /** Plans, checks the plan changed nothing, applies, and returns what the channel reads. */
    private static String planAndApply(String platform, String sender, String command, String expectedInPlan) {
        JsonNode before = control.state();
        String plan = say(platform, sender, command);
        assertTrue(plan.contains("A dry run: nothing has changed yet.") && plan.contains(expectedInPlan), plan);
        assertEquals(before, control.state(), "a plan changes nothing");
        String applied = say(platform, sender, "apply " + code(plan));
        assertTrue(applied.startsWith("Done: ") || applied.contains("\nDone: ") || applied.startsWith("Partly done"), applied);
        assertFalse(applied.contains("(only you can see this)"), "an applied change is shown to the channel: " + applied);
        return applied;
    }

    private static void conversation(String platform, String alice, String bob, String admin, String role, String batchRole) {
        String help = say(platform, alice, "help");
        assertTrue(help.contains("What I can do for team team-a"), help);
        assertTrue(help.contains("bind team-a-web i-bp1abc i-bp1def") && help.contains("apply 7KQ2MX"), help);
        assertTrue(say(platform, alice, "help bind").contains("bind <roleName> <instanceId>… [--region R]"));
        assertTrue(say(platform, alice, "whoami").contains("You are alice of team team-a"));

        // start from unbound instances, whichever conversation ran first
        String unbind = say(platform, alice, "unbind i-demoa1 i-demoa2");
        if (CODE.matcher(unbind).find()) {
            say(platform, alice, "apply " + code(unbind));
        } else {
            assertTrue(unbind.contains("Nothing to apply") && unbind.contains("unchanged: 2") && unbind.contains("It is already so."), unbind);
        }
        assertNull(state().boundRole("i-demoa1"));
        assertNull(state().boundRole("i-demoa2"));

        planAndApply(platform, alice, "role " + role + " web servers of team A", "Role " + role + " would be created");
        assertTrue(state().role(role).orElseThrow().path("assumeRolePolicyDocument").asText().contains("ecs.aliyuncs.com"));

        planAndApply(platform, alice, "attach " + role + " AliyunOSSReadOnlyAccess", "System policy AliyunOSSReadOnlyAccess would be attached");
        assertTrue(state().attachedTo("Role", role).contains("System:AliyunOSSReadOnlyAccess"), state().attachedTo("Role", role).toString());

        String bound = planAndApply(platform, alice, "bind " + role + " i-demoa1 i-demoa2", "would be bound: 2");
        assertTrue(bound.contains("i-demoa1 bound") && bound.contains("i-demoa2 bound"), bound);
        assertEquals(role, state().boundRole("i-demoa1"));
        assertEquals(role, state().boundRole("i-demoa2"));

        String again = say(platform, alice, "bind " + role + " i-demoa1 i-demoa2");
        assertTrue(again.contains("Nothing to apply") && again.contains("unchanged: 2") && !CODE.matcher(again).find(), again);

        String shown = say(platform, alice, "show i-demoa1");
        assertTrue(shown.contains("Instance i-demoa1 (cn-hangzhou) has role " + role + "."), shown);

        planAndApply(platform, alice, "role " + batchRole, "would be created");
        String replaced = planAndApply(platform, alice, "replace " + batchRole + " i-demoa2 --expect " + role, "would be replaced: 1");
        assertTrue(replaced.contains("i-demoa2 replaced (was " + role + ")"), replaced);
        assertEquals(batchRole, state().boundRole("i-demoa2"));

        planAndApply(platform, alice, "unbind i-demoa1 --role " + role, "would be unbound: 1");
        assertNull(state().boundRole("i-demoa1"));

        String granted = planAndApply(platform, alice, "grant deployer " + role, "deployer");
        assertTrue(granted.contains(role), granted);
        List<String> grants = state().attachedTo("User", "deployer");
        assertEquals(1, grants.size(), grants.toString());
        assertTrue(state().defaultDocument(grants.get(0).substring("Custom:".length())).contains(":role/" + role));

        // another team's instance: refused in chat as in REST, as if it did not exist
        JsonNode before = control.state();
        String otherTeams = say(platform, alice, "bind " + role + " i-demob1");
        assertTrue(otherTeams.contains("would fail: 1") && otherTeams.contains("i-demob1 InstanceNotFound:")
                && otherTeams.contains("owner tag rule"), otherTeams);
        assertTrue(say(platform, alice, "show i-demob1").contains("InstanceNotFound"));
        String asAdmin = say(platform, admin, "show i-demob1");
        assertTrue(asAdmin.contains("Instance i-demob1 (cn-hangzhou) has"), "an admin team is an admin in chat too: " + asAdmin);

        // codes: another sender's, a tampered one, one typed with another command
        String plan = say(platform, alice, "unbind i-demoa2");
        String code = code(plan);
        assertTrue(say(platform, bob, "apply " + code).contains("This code belongs to someone else's plan"));
        String tampered = code.substring(0, 5) + (code.charAt(5) == 'Z' ? 'Y' : 'Z');
        assertNotEquals(code, tampered);
        assertTrue(say(platform, alice, "apply " + tampered).contains("I don't have a plan with this code"));
        assertTrue(say(platform, alice, "apply " + tampered + " unbind i-demoa2").contains("This code does not fit this command from you"));
        assertTrue(say(platform, alice, "apply " + code + " unbind i-demoa1 i-demoa2").contains("does not fit"),
                "a code covers the very command planned");

        // mistakes: a helpful reply, never a 5xx
        String unknown = say(platform, alice, "bnid " + role + " i-demoa1");
        assertTrue(unknown.contains("I don't know the command bnid. Did you mean bind?") && unknown.contains("For example: bind team-a-web"),
                unknown);
        String ids = IntStream.range(0, 1001).mapToObj(i -> "i-demo" + i).collect(Collectors.joining(" "));
        assertTrue(say(platform, alice, "bind " + role + " " + ids).contains("1001 instance ids is more than one command takes"));
        String malformed = say(platform, alice, "bind " + role + " i-demoa1 i_demoa2");
        assertTrue(malformed.contains("i_demoa2 is not an instance id") && malformed.contains("Write it as: bind <roleName>"), malformed);
        assertTrue(say(platform, alice, "").contains("The message is empty"));
        String long30k = say(platform, alice, "bind " + role + " i-" + "a".repeat(30 * 1024));
        assertTrue(long30k.contains("is not an instance id") && long30k.length() < 1000, long30k);
        assertEquals(before, control.state(), "refusals and mistakes change nothing");
        assertEquals(batchRole, state().boundRole("i-demoa2"));
    }

    @Test
    void aTeamWorksFromDingTalk() {
        conversation("dingtalk", "staff-alice", "staff-bob", "staff-admin", "team-a-web", "team-a-batch");
    }

    @Test
    void aTeamWorksFromSlack() {
        String help = say("slack", "T0001/U0ALICE", "help");
        assertTrue(help.startsWith("(only you can see this)"), help);
        conversation("slack", "T0001/U0ALICE", "T0001/U0BOB", "T0001/U0ADMIN", "team-a-api", "team-a-api-v2");
    }

    @Test
    void theReadmeShowsTheRepliesTheBotGives() throws Exception {
        String readme = java.nio.file.Files.readString(Project.root().resolve("README.md"));
        String section = readme.substring(readme.indexOf("## From chat"), readme.indexOf("## Deploying"));
        String[][] shown = {{"dingtalk", "staff-alice", "whoami"}, {"dingtalk", "staff-alice", "show i-demob1"},
            {"dingtalk", "staff-alice", "bind team-a-web i-demoa1,i-demoa2"}, {"dingtalk", "staff-carol", "help"}};
        for (String[] chat : shown) {
            String exchange = "$ java -jar local/target/instance-role-local.jar chat " + chat[0] + " --as " + chat[1] + " \"" + chat[2] + "\"\n"
                    + say(chat[0], chat[1], chat[2]);
            assertTrue(section.contains(exchange), "README's From chat shows, as printed:\n" + exchange);
        }
    }

    @Test
    void aStrangerAndAWrongSecretAreTurnedAway() {
        String stranger = say("slack", "T0001/U0CAROL", "bind team-a-web i-demoa1");
        assertTrue(stranger.contains("I don't know you yet") && stranger.contains("T0001/U0CAROL"), stranger);
        StackRunner member = new StackRunner();
        assertEquals(0, member.run("chat", "dingtalk", "--as", "staff-carol", "--in", "cid-team-a", "--url", stack.gatewayUrl(), "whoami").status());
        assertTrue(member.out().contains("You are dingtalk:staff-carol of team team-a"), "a member of a listed group: " + member.out());
        StackRunner runner = new StackRunner();
        java.nio.file.Path file = StackRunner.resource("chatops-wrong-secrets.json");
        assertEquals(1, runner.run("chat", "dingtalk", "--as", "staff-alice", "--url", stack.gatewayUrl(), "--chatops", file.toString(),
                "whoami").status());
        assertTrue(runner.err().contains("401 Unauthenticated: request not verified"), runner.err());
    }
}
