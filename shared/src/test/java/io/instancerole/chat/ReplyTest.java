package io.instancerole.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyTest {
    @Test
    void aLongListIsSummarizedWithinTheLimitsAndNoLineIsCut() {
        List<String> items = IntStream.range(0, 1000).mapToObj(i -> "`i-demo" + i + "` Forbidden: owner tag rule: instance i-demo" + i
                + " is not tagged team=team-a").collect(Collectors.toList());
        Reply reply = Reply.builder("Plan: bind team-a-web to 1000 instances", Reply.Audience.SENDER)
                .items(items, 200, more -> "… and " + more + " more failures.").line("To carry it out, send `apply 7KQ2MX`.").build();
        assertTrue(reply.text().length() <= Reply.MAX_TEXT, "length " + reply.text().length());
        List<String> lines = reply.lines();
        for (String line : lines.subList(0, lines.size() - 2)) {
            assertTrue(items.contains(line.substring(2)), "a whole item: " + line);
        }
        assertTrue(lines.get(lines.size() - 2).matches("… and \\d+ more failures\\."), lines.get(lines.size() - 2));
        int listed = lines.size() - 2;
        assertEquals("… and " + (1000 - listed) + " more failures.", lines.get(lines.size() - 2));
        assertEquals("To carry it out, send `apply 7KQ2MX`.", lines.get(lines.size() - 1));

        ObjectNode slack = reply.slack();
        assertEquals("ephemeral", slack.path("response_type").asText());
        assertTrue(slack.path("blocks").path(0).path("text").path("text").asText().length() <= 3000);
        ObjectNode dingTalk = reply.dingTalk();
        assertEquals("markdown", dingTalk.path("msgtype").asText());
        assertTrue(dingTalk.path("markdown").path("text").asText().length() <= 5000);
    }

    @Test
    void slackMarkupInWhatASenderTypedIsEscaped() {
        ObjectNode slack = Reply.builder("Not understood", Reply.Audience.CHANNEL).line("`<!channel>` is not a command").build().slack();
        String text = slack.path("blocks").path(0).path("text").path("text").asText();
        assertFalse(text.contains("<!channel>"), text);
        assertTrue(text.contains("&lt;!channel&gt;"), text);
        assertEquals("in_channel", slack.path("response_type").asText());
    }
}
