package io.instancerole.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP relay between the SDK and the emulator that times every HTTP exchange on the
 * wire: from the first byte of a request reaching the relay to the last byte of its answer
 * leaving the emulator. That is the time a cloud call spends outside the function's JVM (server
 * work plus loopback transfer); everything else a request takes, the SDK's own client-side work
 * included, is on the function's side. Exchanges must not overlap across connections for
 * {@link #takeWireNanos()} to be a sum of sequential calls: the warm benchmark sends one request
 * at a time.
 */
final class WireTimer implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Connection> connections = new ArrayList<>();
    private final Thread acceptor;
    private long finishedNanos;
    private int finishedExchanges;

    WireTimer(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "wire-timer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** host:port for CLOUD_ENDPOINT. */
    String endpoint() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** The wire time of every exchange finished since the last call, and resets it. */
    synchronized long takeWireNanos() {
        for (Connection connection : connections) {
            connection.closeExchange();
        }
        long taken = finishedNanos;
        finishedNanos = 0;
        return taken;
    }

    /** Exchanges finished since the last call (a cross-check: the cloud calls a request made). */
    synchronized int takeExchanges() {
        int taken = finishedExchanges;
        finishedExchanges = 0;
        return taken;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Connection connection = new Connection();
                synchronized (this) {
                    connections.add(connection);
                }
                pump(client.getInputStream(), server.getOutputStream(), connection, true, client, server);
                pump(server.getInputStream(), client.getOutputStream(), connection, false, client, server);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(InputStream in, OutputStream out, Connection connection, boolean request, Socket a, Socket b) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    long now = System.nanoTime();
                    if (request) {
                        connection.requestBytes(now);
                    } else {
                        connection.answerBytes(now);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "wire-timer-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** One keep-alive connection: at most one exchange in flight. */
    private final class Connection {
        private long exchangeStart = -1;
        private long lastAnswerByte = -1;

        void requestBytes(long now) {
            synchronized (WireTimer.this) {
                if (exchangeStart >= 0 && lastAnswerByte > exchangeStart) {
                    closeExchange(); // a new request on a kept-alive connection ends the previous exchange
                }
                if (exchangeStart < 0) {
                    exchangeStart = now;
                }
            }
        }

        void answerBytes(long now) {
            synchronized (WireTimer.this) {
                lastAnswerByte = now;
            }
        }

        /** Called with the timer's lock held. */
        void closeExchange() {
            if (exchangeStart >= 0 && lastAnswerByte > exchangeStart) {
                finishedNanos += lastAnswerByte - exchangeStart;
                finishedExchanges++;
                exchangeStart = -1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
