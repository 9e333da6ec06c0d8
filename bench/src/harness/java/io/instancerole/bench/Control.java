package io.instancerole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** The emulator's control API ({@code /_emulator/...}) over loopback: the few calls the benchmarks need. */
final class Control {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    Control(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** host:port, as CLOUD_ENDPOINT wants it. */
    String endpoint() {
        return baseUrl.replaceFirst("^http://", "");
    }

    JsonNode account() {
        return call("GET", "/account", null);
    }

    String createInstance(String regionId, String team) {
        return call("POST", "/instances", JSON.createObjectNode().put("regionId", regionId)
                .set("tags", JSON.createObjectNode().put("team", team))).path("instanceId").asText();
    }

    JsonNode calls() {
        return call("GET", "/calls", null).path("calls");
    }

    /** Every API call then answers after {@code latencyMs}, as the real endpoints would. */
    void setLatency(int latencyMs) {
        call("POST", "/settings", JSON.createObjectNode().put("latencyMs", latencyMs));
    }

    void clearCalls() {
        call("DELETE", "/calls", null);
    }

    /** Waits for the emulator to answer, up to {@code millis}. */
    boolean awaitUp(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try {
                account();
                return true;
            } catch (UncheckedIOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        try {
            HttpURLConnection http = (HttpURLConnection) new URL(baseUrl + "/_emulator" + path).openConnection(Proxy.NO_PROXY);
            http.setRequestMethod(method);
            http.setConnectTimeout(2_000);
            http.setReadTimeout(10_000);
            if (body != null) {
                http.setDoOutput(true);
                http.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = http.getOutputStream()) {
                    out.write(JSON.writeValueAsBytes(body));
                }
            }
            int status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            byte[] answer = in == null ? new byte[0] : in.readAllBytes();
            if (status >= 400) {
                throw new IllegalStateException(method + " /_emulator" + path + ": HTTP " + status + " "
                        + new String(answer, StandardCharsets.UTF_8));
            }
            return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
