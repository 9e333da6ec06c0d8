package io.instancerole.chat;

import io.instancerole.domain.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chatops function's settings, from its environment variables: each platform's secret (a
 * route whose secret is unset does not exist for this deployment), the directory, and the key
 * of the apply codes. A wrong value stops the function at start, naming the variable.
 */
public final class ChatOpsConfig {
    public static final String DINGTALK_APP_SECRET = "DINGTALK_APP_SECRET";
    public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String CHATOPS_DIRECTORY = "CHATOPS_DIRECTORY";
    public static final String CHATOPS_DIRECTORY_FILE = "CHATOPS_DIRECTORY_FILE";
    public static final String CHATOPS_APPLY_KEY = "CHATOPS_APPLY_KEY";
    /** Every variable this function reads besides the deployment's. */
    public static final List<String> VARIABLES = List.of(DINGTALK_APP_SECRET, SLACK_SIGNING_SECRET, CHATOPS_DIRECTORY,
            CHATOPS_DIRECTORY_FILE, CHATOPS_APPLY_KEY);
    static final int MIN_APPLY_KEY = 32;

    private final String dingTalkSecret;
    private final String slackSecret;
    private final ChatDirectory directory;
    private final String applyKey;

    private ChatOpsConfig(String dingTalkSecret, String slackSecret, ChatDirectory directory, String applyKey) {
        this.dingTalkSecret = dingTalkSecret;
        this.slackSecret = slackSecret;
        this.directory = directory;
        this.applyKey = applyKey;
    }

    public static ChatOpsConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String dingTalk = value(env, DINGTALK_APP_SECRET);
        String slack = value(env, SLACK_SIGNING_SECRET);
        String applyKey = value(env, CHATOPS_APPLY_KEY);
        if ((dingTalk != null || slack != null) && (applyKey == null || applyKey.length() < MIN_APPLY_KEY)) {
            problems.add(CHATOPS_APPLY_KEY + " must be a random secret of at least " + MIN_APPLY_KEY
                    + " characters, shared by every instance, when a chat route is enabled");
        }
        String inline = value(env, CHATOPS_DIRECTORY);
        String file = value(env, CHATOPS_DIRECTORY_FILE);
        ChatDirectory directory = ChatDirectory.empty();
        if (inline != null && file != null) {
            problems.add("set " + CHATOPS_DIRECTORY + " or " + CHATOPS_DIRECTORY_FILE + ", not both");
        } else {
            try {
                if (inline != null) {
                    directory = ChatDirectory.parse(inline, CHATOPS_DIRECTORY);
                } else if (file != null) {
                    directory = ChatDirectory.parse(read(file), CHATOPS_DIRECTORY_FILE + " " + file);
                }
            } catch (InvalidConfigurationException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException("invalid chatops configuration: " + String.join("; ", problems));
        }
        return new ChatOpsConfig(dingTalk, slack, directory, applyKey);
    }

    private static String read(String file) {
        try {
            return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException(CHATOPS_DIRECTORY_FILE + " " + file
                    + " cannot be read (a path in the code package, relative to the function's working directory): " + e);
        }
    }

    private static String value(Map<String, String> env, String name) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** The platform's secret; empty when its route is not enabled. */
    public Optional<String> secret(ChatPlatform platform) {
        return Optional.ofNullable(platform == ChatPlatform.DINGTALK ? dingTalkSecret : slackSecret);
    }

    public ChatDirectory directory() {
        return directory;
    }

    /** Present whenever a route is enabled. */
    public Optional<String> applyKey() {
        return Optional.ofNullable(applyKey);
    }
}
