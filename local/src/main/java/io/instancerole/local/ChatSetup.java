package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.chat.ChatDirectory;
import io.instancerole.chat.ChatOpsConfig;
import io.instancerole.chat.ChatPlatform;
import io.instancerole.domain.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The chat routes' secrets and directory for the local stack: the contract's demo ones, or a file
 * given with {@code --chatops} ({@code {"secrets": {"dingtalk", "slack"}, "directory": {…}}}).
 * {@code serve} hands them to the chatops function; {@code chat} signs with the same secrets.
 */
final class ChatSetup {
    static final String DEMO_RESOURCE = "/chatops-demo.json";
    private static final Set<String> FIELDS = Set.of("secrets", "directory");

    private final String dingTalkSecret;
    private final String slackSecret;
    private final String directory;

    private ChatSetup(String dingTalkSecret, String slackSecret, String directory) {
        this.dingTalkSecret = dingTalkSecret;
        this.slackSecret = slackSecret;
        this.directory = directory;
    }

    static ChatSetup demo() {
        try (InputStream in = ChatSetup.class.getResourceAsStream(DEMO_RESOURCE)) {
            return parse(in.readAllBytes(), "the demo chat setup");
        } catch (IOException e) {
            throw new IllegalStateException("the demo chat setup is part of the jar", e);
        }
    }

    static ChatSetup read(Path file) {
        try {
            return parse(Files.readAllBytes(file), "--chatops " + file);
        } catch (NoSuchFileException e) {
            throw new StartupException("--chatops " + file + ": no such file");
        } catch (IOException e) {
            throw new StartupException("--chatops " + file + ": " + e.getMessage());
        }
    }

    private static ChatSetup parse(byte[] bytes, String source) {
        String expected = source + ": expected {\"secrets\": {\"dingtalk\": \"…\", \"slack\": \"…\"}, \"directory\": {\"dingtalk\": {…}, \"slack\": {…}}}";
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new StartupException(source + ": not JSON: " + e.getMessage().split("\n", 2)[0]);
        }
        if (root == null || !root.isObject() || !root.path("secrets").isObject()) {
            throw new StartupException(expected);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new StartupException(source + ": unknown field '" + name + "'; " + expected);
            }
        });
        String directory = root.path("directory").isMissingNode() ? "{}" : root.path("directory").toString();
        try {
            ChatDirectory.parse(directory, source + " directory");
        } catch (InvalidConfigurationException e) {
            throw new StartupException(e.getMessage());
        }
        return new ChatSetup(root.path("secrets").path("dingtalk").asText(""), root.path("secrets").path("slack").asText(""), directory);
    }

    /** The platform's secret; empty when the route is off. */
    String secret(ChatPlatform platform) {
        return platform == ChatPlatform.DINGTALK ? dingTalkSecret : slackSecret;
    }

    /** The chatops function's variables: the secrets, the directory, and an apply key made for this run. */
    Map<String, String> environment() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> environment = new HashMap<>();
        environment.put(ChatOpsConfig.DINGTALK_APP_SECRET, dingTalkSecret);
        environment.put(ChatOpsConfig.SLACK_SIGNING_SECRET, slackSecret);
        environment.put(ChatOpsConfig.CHATOPS_DIRECTORY, directory);
        environment.put(ChatOpsConfig.CHATOPS_DIRECTORY_FILE, "");
        environment.put(ChatOpsConfig.CHATOPS_APPLY_KEY, Base64.getEncoder().encodeToString(key));
        return environment;
    }
}
