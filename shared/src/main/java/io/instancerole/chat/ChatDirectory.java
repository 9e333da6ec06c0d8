package io.instancerole.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.config.InvalidConfigurationException;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.model.Caller;
import io.instancerole.domain.service.Json;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Who a platform sender is for the API: a listed user acts as their caller; in a listed group
 * conversation or channel any member acts for its team as {@code dingtalk:<staffId>} or
 * {@code slack:<user_id>}; everyone else is a stranger. Read once from the deployment's JSON:
 * <pre>{"dingtalk": {"users": {"&lt;senderStaffId&gt;": {"callerId", "team"}}, "conversations": {"&lt;conversationId&gt;": "team"}},
 *  "slack": {"users": {"&lt;team_id&gt;/&lt;user_id&gt;": {"callerId", "team"}}, "channels": {"&lt;channel_id&gt;": "team"}}}</pre>
 */
public final class ChatDirectory {
    private static final Map<ChatPlatform, String> GROUP_FIELD = Map.of(ChatPlatform.DINGTALK, "conversations", ChatPlatform.SLACK, "channels");

    private final Map<ChatPlatform, Map<String, Caller>> users;
    private final Map<ChatPlatform, Map<String, String>> groups;

    private ChatDirectory(Map<ChatPlatform, Map<String, Caller>> users, Map<ChatPlatform, Map<String, String>> groups) {
        this.users = users;
        this.groups = groups;
    }

    public static ChatDirectory empty() {
        return parse("{}", "the directory");
    }

    /** @param source names the setting in error messages, e.g. {@code CHATOPS_DIRECTORY} */
    public static ChatDirectory parse(String json, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigurationException(source + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigurationException(source + " must be a JSON object {\"dingtalk\": {…}, \"slack\": {…}}");
        }
        onlyFields(root, Set.of("dingtalk", "slack"), source);
        Map<ChatPlatform, Map<String, Caller>> users = new EnumMap<>(ChatPlatform.class);
        Map<ChatPlatform, Map<String, String>> groups = new EnumMap<>(ChatPlatform.class);
        for (ChatPlatform platform : ChatPlatform.values()) {
            JsonNode node = root.path(platform.wire());
            String where = source + "." + platform.wire();
            if (!node.isMissingNode() && !node.isObject()) {
                throw new InvalidConfigurationException(where + " must be an object");
            }
            onlyFields(node, Set.of("users", GROUP_FIELD.get(platform)), where);
            users.put(platform, users(node.path("users"), where + ".users"));
            groups.put(platform, groups(node.path(GROUP_FIELD.get(platform)), where + "." + GROUP_FIELD.get(platform)));
        }
        return new ChatDirectory(users, groups);
    }

    private static Map<String, Caller> users(JsonNode node, String where) {
        Map<String, Caller> users = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> user = it.next();
            String at = where + "[\"" + user.getKey() + "\"]";
            onlyFields(user.getValue(), Set.of("callerId", "team"), at);
            users.put(user.getKey(), caller(user.getValue().path("callerId").asText(null), user.getValue().path("team").asText(null), at));
        }
        return Collections.unmodifiableMap(users);
    }

    private static Map<String, String> groups(JsonNode node, String where) {
        Map<String, String> groups = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            String team = group.getValue().asText(null);
            caller("directory-check", team, where + "[\"" + group.getKey() + "\"]");
            groups.put(group.getKey(), team);
        }
        return Collections.unmodifiableMap(groups);
    }

    private static Caller caller(String callerId, String team, String where) {
        try {
            return Caller.of(callerId, team);
        } catch (DomainException e) {
            throw new InvalidConfigurationException(where + ": needs a callerId (1-128 visible characters) and a team slug"
                    + " (1-32 of a-z, 0-9 and '-'), got callerId " + callerId + ", team " + team);
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw new InvalidConfigurationException(where + " must be an object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new InvalidConfigurationException(where + ": unknown field '" + name + "'; expected " + String.join(", ", allowed));
            }
        });
    }

    /** The caller a message acts as, or null for a stranger. */
    public Caller resolve(ChatMessage message) {
        String key = message.directoryKey();
        if (key == null) {
            return null;
        }
        Caller listed = users.get(message.platform()).get(key);
        if (listed != null) {
            return listed;
        }
        String team = message.conversationId() == null ? null : groups.get(message.platform()).get(message.conversationId());
        return team == null ? null : Caller.of(message.platform().wire() + ":" + message.senderId(), team);
    }

    /** The directory's name for a platform's group setting: {@code conversations} or {@code channels}. */
    public static String groupField(ChatPlatform platform) {
        return GROUP_FIELD.get(platform);
    }
}
