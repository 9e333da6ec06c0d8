package io.instancerole.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    private static final CommandParser PARSER = new CommandParser();

    private static ChatCommand parse(String text) {
        return PARSER.parse(text, "team-a");
    }

    private static ChatInputException mistake(String text) {
        return assertThrows(ChatInputException.class, () -> parse(text));
    }

    @Test
    void everyCommandOfTheContractIsRead() {
        assertEquals(ChatCommand.Kind.HELP, parse("HELP").kind());
        assertEquals("bind", parse("help bind").argument());
        assertEquals(ChatCommand.Kind.WHOAMI, parse("  whoami ").kind());
        ChatCommand bind = parse("Bind team-a-web i-demoa1\u00a0 i-demoa2 --region cn-hangzhou");
        assertEquals(ChatCommand.Kind.CHANGE, bind.kind());
        assertEquals(Operation.BIND_ROLE, bind.operation());
        assertEquals("bind team-a-web i-demoa1 i-demoa2 --region cn-hangzhou", bind.normalized());
        assertEquals(Map.of("regionId", "cn-hangzhou", "roleName", "team-a-web", "instanceIds", java.util.List.of("i-demoa1", "i-demoa2")),
                bind.auditTarget());
        assertEquals("role team-a-web web servers of team A", parse("role team-a-web web   servers of team A").normalized());
        assertEquals(parse("bind team-a-web i-demoa1").normalized(), parse("BIND Team-A-Web i-demoa1").normalized(),
                "RAM names compare case-insensitively, so a code does too");
        assertEquals("attach team-a-web team-a-logs --custom", parse("attach team-a-web team-a-logs --custom").normalized());
        assertEquals(Operation.ATTACH_POLICY, parse("attach team-a-web AliyunOSSReadOnlyAccess").operation());
        assertEquals("unbind i-demoa1 --role team-a-web", parse("unbind i-demoa1 --role=team-a-web").normalized());
        assertEquals("replace team-a-batch i-demoa2 --expect team-a-web", parse("replace team-a-batch i-demoa2 --expect team-a-web").normalized());
        assertEquals(Operation.GRANT_PASS_ROLE, parse("grant deployer team-a-web team-a-batch").operation());
        assertEquals(Operation.REVOKE_PASS_ROLE, parse("revoke deployer team-a-web").operation());
        assertEquals(Operation.DESCRIBE_INSTANCE, parse("show i-demoa1").operation());
        assertEquals(ChatCommand.Kind.READ, parse("show role team-a-web").kind());
        assertEquals(Operation.DESCRIBE_ROLE, parse("@bot show role team-a-web").operation());
        ChatCommand apply = parse("apply 7kq2mx");
        assertEquals("7KQ2MX", apply.argument());
        assertNull(apply.planned());
        assertEquals("bind team-a-web i-demoa1", parse("apply 7KQ2MX bind team-a-web i-demoa1").planned().normalized());
    }

    @Test
    void mistakesNameTheWrongWordAndShowTheRightForm() {
        ChatInputException unknown = mistake("bnid team-a-web i-demoa1");
        assertTrue(unknown.getMessage().contains("`bnid`") && unknown.getMessage().contains("Did you mean `bind`?"), unknown.getMessage());
        assertEquals("bind {team}-web i-bp1abc i-bp1def".replace("{team}", "team-a"), unknown.example());

        ChatInputException malformed = mistake("bind team-a-web i-demoa1 i-DEMO!");
        assertTrue(malformed.getMessage().startsWith("`i-DEMO!` is not an instance id"), malformed.getMessage());
        assertEquals("bind <roleName> <instanceId>… [--region R]", malformed.usage());

        String ids = IntStream.range(0, 1001).mapToObj(i -> "i-demo" + i).collect(Collectors.joining(" "));
        ChatInputException tooMany = mistake("bind team-a-web " + ids);
        assertTrue(tooMany.getMessage().startsWith("1001 instance ids is more than one command takes (at most 1000)"), tooMany.getMessage());

        ChatInputException empty = mistake(" \u2005 ");
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertEquals("help", empty.example());

        String huge = "x".repeat(30 * 1024);
        ChatInputException long30k = mistake("bind team-a-web i-" + huge);
        assertTrue(long30k.getMessage().length() < 300, "the reply quotes a long word shortened: " + long30k.getMessage().length());
        assertTrue(long30k.getMessage().contains("(30722 characters)"), long30k.getMessage());
        assertTrue(mistake(huge).getMessage().contains("I don't know the command"));

        assertTrue(mistake("bind team-a-web i-demoa1,i-demoa2").getMessage().contains("separate instance ids with spaces"));
        assertTrue(mistake("bind team-a-web i-demoa1 i-demoa1").getMessage().contains("listed twice"));
        assertTrue(mistake("bind team-a-web").getMessage().contains("needs a role name and at least one instance id"));
        assertTrue(mistake("bind team-a-web i-demoa1 --zone x").getMessage().contains("no option `--zone`; its options: --region"));
        assertTrue(mistake("bind team-a-web i-demoa1 --region").getMessage().contains("`--region` needs a value"));
        assertTrue(mistake("bind team_a_web i-demoa1").getMessage().startsWith("`team_a_web` is not a role name"));
        assertTrue(mistake("policy team-a-x {\"Version\":\"1\"}").getMessage().contains("through the API or the portal"));
        assertTrue(mistake("apply").getMessage().contains("needs the code"));
        assertTrue(mistake("apply i-demoa1").getMessage().contains("is not an apply code"));
        assertTrue(mistake("whoami now").getMessage().contains("takes nothing after it"));
        assertTrue(mistake("show i-demoa1 i-demoa2").getMessage().contains("one word too many"));
        assertTrue(mistake("role team-a-web " + "d".repeat(1100)).getMessage().contains("at most 1024 characters"));
    }
}
