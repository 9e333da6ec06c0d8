package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.chat.ChatPlatform;
import io.instancerole.chat.RequestVerifier;
import io.instancerole.chat.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code chat dingtalk|slack --as SENDER "command…"}: plays the chat platform against a running
 * stack. It builds the payload the platform would post (DingTalk's robot callback, Slack's slash
 * command), signs it with the platform's secret, posts it to the route and prints the reply as a
 * person in the chat would read it.
 */
final class ChatClient {
    static final String USAGE = "chat dingtalk|slack --as SENDER [--in CONVERSATION] [--url " + "http://127.0.0.1:8080" + "]"
            + " [--chatops FILE] \"command…\"";
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    private final PrintStream out;
    private final PrintStream err;

    ChatClient(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** 0 when the bot answered, 1 when the route refused the request or could not be reached. */
    int run(List<String> args) {
        Flags flags = Flags.parse("chat", args, Set.of("--as", "--in", "--url", "--chatops"), Set.of());
        if (flags.positional().size() != 2) {
            throw new UsageException("chat needs the platform and the command in quotes; usage: " + USAGE);
        }
        ChatPlatform platform;
        try {
            platform = ChatPlatform.valueOf(flags.positional().get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("chat: the platform is dingtalk or slack, not '" + flags.positional().get(0) + "'");
        }
        String sender = flags.value("--as").orElseThrow(() -> new UsageException("chat needs --as SENDER (DingTalk: a senderStaffId"
                + " such as staff-alice; Slack: TEAM/USER such as T0001/U0ALICE)"));
        ChatSetup setup = flags.value("--chatops").map(Path::of).map(ChatSetup::read).orElseGet(ChatSetup::demo);
        String secret = setup.secret(platform);
        if (secret.isEmpty()) {
            throw new UsageException("chat: the chat setup has no " + platform.wire() + " secret");
        }
        String url = flags.value("--url").orElse(DEFAULT_URL) + "/v1/chatops/" + platform.wire();
        String text = flags.positional().get(1);
        String conversation = flags.value("--in").orElse(null);
        Post post = platform == ChatPlatform.DINGTALK ? dingTalk(secret, sender, conversation, text) : slack(secret, sender, conversation, text);
        try {
            return show(platform, send(url, post));
        } catch (IOException e) {
            err.println("error: no stack answers at " + url + " (" + e.getMessage() + "); start it with: java -jar local/target/instance-role-local.jar");
            return 1;
        }
    }

    /** DingTalk's outgoing robot callback for a message mentioning the bot. */
    static Post dingTalk(String secret, String staffId, String conversation, String text) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("msgtype", "text");
        body.putObject("text").put("content", " " + text);
        body.put("msgId", "msg" + UUID.randomUUID().toString().replace("-", ""));
        body.put("createAt", System.currentTimeMillis());
        body.put("conversationType", conversation == null ? "1" : "2");
        body.put("conversationId", conversation == null ? "cid-direct-" + staffId : conversation);
        body.put("senderNick", staffId);
        body.put("senderStaffId", staffId);
        body.put("chatbotUserId", "local-bot");
        body.put("isInAtList", true);
        String timestamp = String.valueOf(System.currentTimeMillis());
        return new Post(body.toString().getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8",
                RequestVerifier.DINGTALK_TIMESTAMP, timestamp, RequestVerifier.DINGTALK_SIGN, Signatures.dingTalkSign(secret, timestamp));
    }

    /** Slack's slash command as a form, signed over its raw bytes. */
    static Post slack(String secret, String sender, String channel, String text) {
        int slash = sender.indexOf('/');
        String team = slash < 0 ? "T0001" : sender.substring(0, slash);
        String user = slash < 0 ? sender : sender.substring(slash + 1);
        String form = "token=local&team_id=" + encode(team) + "&team_domain=local&channel_id=" + encode(channel == null ? "D0DIRECT" : channel)
                + "&channel_name=local&user_id=" + encode(user) + "&user_name=" + encode(user) + "&command=%2Froles&text=" + encode(text)
                + "&response_url=" + encode("http://127.0.0.1/unused") + "&trigger_id=" + encode(UUID.randomUUID().toString());
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return new Post(body, "application/x-www-form-urlencoded", RequestVerifier.SLACK_TIMESTAMP, timestamp,
                RequestVerifier.SLACK_SIGNATURE, Signatures.slackSignature(secret, timestamp, body));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Answer send(String url, Post post) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(120_000);
        connection.setRequestProperty("Content-Type", post.contentType);
        connection.setRequestProperty(post.timestampHeader, post.timestamp);
        connection.setRequestProperty(post.signatureHeader, post.signature);
        try (OutputStream body = connection.getOutputStream()) {
            body.write(post.body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    private int show(ChatPlatform platform, Answer answer) throws IOException {
        JsonNode body = new ObjectMapper().readTree(answer.body.isEmpty() ? "{}" : answer.body);
        if (answer.status != 200) {
            err.println("error: " + answer.status + " " + body.path("code").asText() + ": " + body.path("message").asText(answer.body));
            return 1;
        }
        out.println(readable(platform, body));
        return 0;
    }

    /** The reply as the chat shows it: markup rendered away, Slack's "only visible to you" said. */
    static String readable(ChatPlatform platform, JsonNode reply) {
        if (platform == ChatPlatform.DINGTALK) {
            String text = reply.path("markdown").path("text").asText(reply.path("text").path("content").asText());
            return text.replace("**", "").replace("`", "");
        }
        StringBuilder text = new StringBuilder();
        if ("ephemeral".equals(reply.path("response_type").asText())) {
            text.append("(only you can see this)\n");
        }
        if (reply.path("blocks").size() == 0) {
            text.append(reply.path("text").asText());
        }
        for (JsonNode block : reply.path("blocks")) {
            text.append(block.path("text").path("text").asText());
        }
        return text.toString().replaceAll("\\*([^*\\n]+)\\*", "$1").replace("`", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A signed request as the platform sends it. */
    static final class Post {
        final byte[] body;
        final String contentType;
        final String timestampHeader;
        final String timestamp;
        final String signatureHeader;
        final String signature;

        Post(byte[] body, String contentType, String timestampHeader, String timestamp, String signatureHeader, String signature) {
            this.body = body;
            this.contentType = contentType;
            this.timestampHeader = timestampHeader;
            this.timestamp = timestamp;
            this.signatureHeader = signatureHeader;
            this.signature = signature;
        }
    }

    private static final class Answer {
        final int status;
        final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }
}
