package io.instancerole.emulator.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One plain-HTTP exchange with the emulator: a request out, the status and body back, whatever
 * the status. HttpURLConnection rather than {@code java.net.http}: {@code HttpClient} builds the
 * default {@code SSLContext} (and parses the trust store) even when every call is {@code http://},
 * which costs a fresh JVM (the local stack's {@code invoke}) several hundred milliseconds.
 */
public final class EmulatorHttp {
    private EmulatorHttp() {
    }

    /**
     * Sends the request, without a proxy (the emulator is local); {@code body} null sends none.
     * {@code timeout} bounds connecting and then waiting for the answer.
     */
    public static Response send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setUseCaches(false);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (in == null) {
                return new Response(status, new byte[0]);
            }
            try (in) {
                return new Response(status, in.readAllBytes());
            }
        } catch (IOException e) {
            connection.disconnect();
            throw e;
        }
    }

    /** The status and the body (empty when there was none). */
    public static final class Response {
        private final int status;
        private final byte[] body;

        Response(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public byte[] body() {
            return body.clone();
        }
    }
}
