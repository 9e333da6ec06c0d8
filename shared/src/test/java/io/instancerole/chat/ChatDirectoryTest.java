package io.instancerole.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.instancerole.domain.config.InvalidConfigurationException;
import io.instancerole.domain.model.Caller;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatDirectoryTest {
    static final String DIRECTORY = "{\"dingtalk\": {\"users\": {\"staff-alice\": {\"callerId\": \"alice\", \"team\": \"team-a\"}},"
            + " \"conversations\": {\"cid-team-a\": \"team-a\"}},"
            + " \"slack\": {\"users\": {\"T0001/U0ALICE\": {\"callerId\": \"alice\", \"team\": \"team-a\"}}, \"channels\": {\"C0TEAMA\": \"team-a\"}}}";
    private static final ChatDirectory DIRECTORY_OF_TEAM_A = ChatDirectory.parse(DIRECTORY, "test");

    @Test
    void listedUsersActAsTheirCallerAndGroupMembersForTheGroupsTeam() {
        assertEquals(Caller.of("alice", "team-a"), DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.DINGTALK, "staff-alice", null,
                "cid-other", "help", "m1")));
        assertEquals(Caller.of("dingtalk:staff-carol", "team-a"), DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.DINGTALK,
                "staff-carol", null, "cid-team-a", "help", "m2")));
        assertEquals(Caller.of("alice", "team-a"), DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.SLACK, "U0ALICE", "T0001",
                "D0", "help", "t1")));
        assertEquals(Caller.of("slack:U0CAROL", "team-a"), DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.SLACK, "U0CAROL", "T0001",
                "C0TEAMA", "help", "t2")));
    }

    @Test
    void everyoneElseIsAStranger() {
        assertNull(DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.DINGTALK, "staff-carol", null, "cid-other", "help", "m3")));
        assertNull(DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.DINGTALK, null, null, "cid-team-a", "help", "m4")),
                "no staff id, even in a listed group");
        assertNull(DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.SLACK, "U0ALICE", "T0OTHER", "D0", "help", "t3")),
                "the same user id in another workspace");
        assertNull(DIRECTORY_OF_TEAM_A.resolve(new ChatMessage(ChatPlatform.SLACK, "staff-alice", "", "cid-team-a", "help", "t4")),
                "a DingTalk entry does not admit a Slack sender");
    }

    @Test
    void aWrongDirectoryStopsTheFunctionAtStartNamingWhatIsWrong() {
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> ChatDirectory.parse("{\"dingtalk\": {\"user\": {}}}", "CHATOPS_DIRECTORY"))
                .getMessage().contains("unknown field 'user'"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> ChatDirectory.parse(
                "{\"slack\": {\"channels\": {\"C1\": \"Team A\"}}}", "CHATOPS_DIRECTORY")).getMessage().contains("team slug"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> ChatDirectory.parse("[", "CHATOPS_DIRECTORY"))
                .getMessage().contains("not JSON"));
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> ChatOpsConfig.fromEnvironment(Map.of(
                ChatOpsConfig.SLACK_SIGNING_SECRET, "s", ChatOpsConfig.CHATOPS_APPLY_KEY, "short"))).getMessage().contains("CHATOPS_APPLY_KEY"));
    }
}
