package io.instancerole.emulator.http;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.Options;

/**
 * One HTTP/1.1 listener (Undertow) for the emulator and the local gateway. On the wire it behaves
 * as the real endpoints do: header names as written ({@code Content-Type}), each answer's headers
 * and body in one write on a {@code TCP_NODELAY} socket (no delayed-ACK stalls), keep-alive.
 * Handlers run on worker threads and may block.
 */
public final class HttpListener implements AutoCloseable {
    /** Kept here: java.util.logging holds loggers weakly, and a collected one forgets its level. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    static {
        // XNIO and Undertow announce themselves at INFO on stderr; a test double's server should not
        for (String name : List.of("org.xnio", "org.jboss.threads", "io.undertow")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private final Undertow server;
    private final int port;

    private HttpListener(Undertow server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Binds and starts serving; a port in use fails with {@link java.net.BindException}.
     *
     * @param workerThreads how many requests are answered at once (more wait)
     * @param maxBodyBytes bodies are read up to this; a longer one is cut and flagged
     * @param errors where a handler's unexpected exception is reported (it is answered 500)
     */
    public static HttpListener start(InetAddress address, int port, String name, int workerThreads, int maxBodyBytes,
                                     HttpHandler handler, PrintStream errors) throws IOException {
        Undertow server = Undertow.builder()
                .addHttpListener(port, address.getHostAddress())
                .setIoThreads(1)
                .setWorkerThreads(workerThreads)
                .setWorkerOption(Options.WORKER_NAME, name)
                .setWorkerOption(Options.THREAD_DAEMON, true)
                .setSocketOption(Options.TCP_NODELAY, true)
                .setHandler(new BlockingHandler(exchange -> serve(exchange, handler, maxBodyBytes, name, errors)))
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop();
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw e;
        }
        int bound = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return new HttpListener(server, bound);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void serve(HttpServerExchange exchange, HttpHandler handler, int maxBodyBytes, String name,
                              PrintStream errors) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        boolean tooLarge = body.length > maxBodyBytes;
        if (tooLarge) {
            body = java.util.Arrays.copyOf(body, maxBodyBytes);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
        }
        HttpRequest request = new HttpRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                rawPath(exchange), exchange.getQueryString(), headers, body, tooLarge,
                exchange.getSourceAddress().getAddress().getHostAddress());
        HttpResponse response;
        try {
            response = handler.handle(request);
        } catch (RuntimeException e) {
            errors.println(name + ": " + request.method() + " " + request.path() + " failed: " + e);
            response = HttpResponse.text(500, "500 - Internal Server Error");
        }
        write(exchange, response);
    }

    /** The path as sent; a proxy-style request ({@code GET http://host/path}) loses its scheme and host. */
    private static String rawPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int slash = uri.indexOf('/', uri.indexOf("//") + 2);
        return slash < 0 ? "/" : uri.substring(slash);
    }

    /** Status, headers and body handed over together, so they leave in one write. */
    private static void write(HttpServerExchange exchange, HttpResponse response) {
        exchange.setStatusCode(response.status());
        response.headers().forEach((header, value) -> exchange.getResponseHeaders().put(new HttpString(header), value));
        byte[] body = response.body();
        boolean bodiless = Methods.HEAD.equals(exchange.getRequestMethod())
                || response.status() == 204 || response.status() == 304 || response.status() < 200;
        if (bodiless || body.length == 0) {
            if (!bodiless) {
                exchange.setResponseContentLength(0);
            }
            exchange.endExchange();
            return;
        }
        exchange.setResponseContentLength(body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
