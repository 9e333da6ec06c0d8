package io.instancerole.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.domain.service.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the bot answers, before a platform's format: a title and lines in a small markdown both
 * platforms read ({@code **bold**}, {@code `code`}, {@code - } items). Its text stays within
 * {@link #MAX_TEXT} characters, under DingTalk's markdown (~5000) and Slack's text block (3000)
 * limits: long lists are summarized, never cut mid-line.
 */
public final class Reply {
    public static final int MAX_TEXT = 2800;

    /** Slack shows a plan to its sender only, an applied change to the channel. */
    public enum Audience { SENDER, CHANNEL }

    private final String title;
    private final List<String> lines;
    private final Audience audience;

    private Reply(String title, List<String> lines, Audience audience) {
        this.title = title;
        this.lines = List.copyOf(lines);
        this.audience = audience;
    }

    public static Builder builder(String title, Audience audience) {
        return new Builder(title, audience);
    }

    public String title() {
        return title;
    }

    public List<String> lines() {
        return lines;
    }

    public Audience audience() {
        return audience;
    }

    /** The markdown text: the title in bold, then the lines; list items stay together, other lines are paragraphs. */
    public String text() {
        StringBuilder text = new StringBuilder("**").append(title).append("**");
        boolean previousItem = false;
        for (String line : lines) {
            boolean item = line.startsWith("- ");
            text.append(item && previousItem ? "\n" : "\n\n").append(line);
            previousItem = item;
        }
        return text.toString();
    }

    /** DingTalk's robot message: {@code {"msgtype": "markdown", "markdown": {"title", "text"}}}. */
    public ObjectNode dingTalk() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("msgtype", "markdown");
        ObjectNode markdown = root.putObject("markdown");
        markdown.put("title", title);
        markdown.put("text", text());
        return root;
    }

    /** Slack's slash-command answer: {@code {"response_type", "text", "blocks": [one mrkdwn section]}}. */
    public ObjectNode slack() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("response_type", audience == Audience.CHANNEL ? "in_channel" : "ephemeral");
        root.put("text", escapeSlack(title));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode text = section.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", escapeSlack(text()).replace("**", "*").replaceAll("(?m)^- ", "• "));
        return root;
    }

    /** Slack reads &, < and > as markup (a {@code <!channel>} would notify everyone): they are escaped. */
    private static String escapeSlack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Builds a reply within the length limit. */
    public static final class Builder {
        private final String title;
        private final Audience audience;
        private final List<String> lines = new ArrayList<>();
        private int length;

        private Builder(String title, Audience audience) {
            this.title = title;
            this.audience = audience;
            this.length = title.length() + 4;
        }

        public Builder line(String line) {
            lines.add(line);
            length += line.length() + 2;
            return this;
        }

        /**
         * Adds items while they fit, keeping {@code reserve} characters for what follows; the
         * rest become one line from {@code more} (given how many were left out).
         */
        public Builder items(List<String> items, int reserve, IntFunction<String> more) {
            for (int i = 0; i < items.size(); i++) {
                String item = "- " + items.get(i);
                if (length + item.length() + 1 + reserve + 80 > MAX_TEXT) {
                    return line(more.apply(items.size() - i));
                }
                line(item);
            }
            return this;
        }

        public Reply build() {
            return new Reply(title, lines, audience);
        }
    }
}
