package io.instancerole.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The listener alone: what a handler is given, what goes back on the wire. */
class HttpListenerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void handlersSeeRawAndDecodedPathsQueryHeadersAndACutBody() throws IOException {
        HttpHandler echo = request -> HttpResponse.text(200, request.method() + " " + request.rawPath() + " "
                + request.path() + " " + request.rawQuery() + " " + request.header("x-custom") + " "
                + request.body().length + " " + request.bodyTooLarge());
        try (HttpListener listener = HttpListener.start(LOOPBACK, 0, "test", 2, 4, echo, System.err)) {
            String origin = exchange(listener, "POST /a%20b?x=1%2B2 HTTP/1.1\r\nHost: h\r\nX-Custom: yes\r\n"
                    + "Content-Length: 6\r\n\r\n123456");
            assertTrue(origin.endsWith("POST /a%20b /a b x=1%2B2 yes 4 true"), origin);
            String proxied = exchange(listener, "GET http://100.100.100.200/latest/x HTTP/1.1\r\nHost: 100.100.100.200\r\n\r\n");
            assertTrue(proxied.endsWith("GET /latest/x /latest/x null null 0 false"), proxied);
            assertTrue(proxied.contains("\r\nContent-Type: text/plain;charset=utf-8\r\n"), proxied);
        }
    }

    @Test
    void aPortInUseIsABindException() throws IOException {
        try (HttpListener first = HttpListener.start(LOOPBACK, 0, "first", 1, 16, r -> HttpResponse.empty(204), System.err)) {
            assertThrows(BindException.class, () -> HttpListener.start(LOOPBACK, first.port(), "second", 1, 16,
                    r -> HttpResponse.empty(204), System.err));
        }
    }

    private static String exchange(HttpListener listener, String request) throws IOException {
        try (Socket socket = new Socket(LOOPBACK, listener.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
