package io.instancerole.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.service.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A verified message as the bot reads it: who sent it (the platform's ids), where, its text and
 * the platform's message id. Read from DingTalk's JSON callback or Slack's slash-command form.
 */
public final class ChatMessage {
    private final ChatPlatform platform;
    private final String senderId;
    private final String senderTeam;
    private final String conversationId;
    private final String text;
    private final String messageId;

    ChatMessage(ChatPlatform platform, String senderId, String senderTeam, String conversationId, String text, String messageId) {
        this.platform = platform;
        this.senderId = senderId;
        this.senderTeam = senderTeam;
        this.conversationId = conversationId;
        this.text = text == null ? "" : text;
        this.messageId = messageId;
    }

    /** Reads the platform's payload; empty when it is not one (it was signed, so the platform sent something new). */
    public static Optional<ChatMessage> read(ChatPlatform platform, byte[] rawBody) {
        return platform == ChatPlatform.DINGTALK ? dingTalk(rawBody) : slack(rawBody);
    }

    /** DingTalk's outgoing robot callback: {@code text.content}, {@code senderStaffId}, {@code conversationId}, {@code msgId}. */
    private static Optional<ChatMessage> dingTalk(byte[] rawBody) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(rawBody);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String text = root.path("text").path("content").isTextual() ? root.path("text").path("content").asText() : null;
        return Optional.of(new ChatMessage(ChatPlatform.DINGTALK, textOf(root, "senderStaffId"), null, textOf(root, "conversationId"),
                text, textOf(root, "msgId")));
    }

    /** Slack's slash command: {@code team_id}, {@code user_id}, {@code channel_id}, {@code text}, {@code trigger_id}. */
    private static Optional<ChatMessage> slack(byte[] rawBody) {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(rawBody, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                form.putIfAbsent(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (!form.containsKey("user_id") && !form.containsKey("text")) {
            return Optional.empty();
        }
        return Optional.of(new ChatMessage(ChatPlatform.SLACK, blankToNull(form.get("user_id")), blankToNull(form.get("team_id")),
                blankToNull(form.get("channel_id")), form.get("text"), blankToNull(form.get("trigger_id"))));
    }

    private static String textOf(JsonNode root, String field) {
        JsonNode node = root.path(field);
        return node.isTextual() || node.isNumber() ? blankToNull(node.asText()) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public ChatPlatform platform() {
        return platform;
    }

    /** DingTalk's {@code senderStaffId} or Slack's {@code user_id}; null when the platform sent none. */
    public String senderId() {
        return senderId;
    }

    /** The key of the directory's {@code users}: the staff id, or {@code <team_id>/<user_id>} on Slack; null without a sender. */
    public String directoryKey() {
        if (senderId == null) {
            return null;
        }
        return platform == ChatPlatform.SLACK ? (senderTeam == null ? "" : senderTeam) + "/" + senderId : senderId;
    }

    /** DingTalk's {@code conversationId} or Slack's {@code channel_id}; may be null. */
    public String conversationId() {
        return conversationId;
    }

    /** The text after the mention (or the slash command), as sent. */
    public String text() {
        return text;
    }

    /** DingTalk's {@code msgId} or Slack's {@code trigger_id}; may be null. */
    public String messageId() {
        return messageId;
    }
}
