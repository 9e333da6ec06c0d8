package io.instancerole.local;

import io.instancerole.runtime.CustomRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starts one instance of a custom-runtime function: a process like Function Compute's, or the adapter in this JVM. */
interface RuntimeLauncher {
    /** {@code environment}: the function's variables and Function Compute's {@code FC_*}; {@code startTimeout} bounds the start. */
    Instance launch(FunctionDefinition function, Map<String, String> environment, Duration startTimeout) throws IOException;

    /** One running instance: where it listens, and how to stop it. */
    interface Instance {
        String url();

        void stop();
    }

    /**
     * The image {@code runtime/build.sh} made: its {@code bootstrap} as Function Compute starts it,
     * with the function's environment only, listening on a free loopback port. Its stdout (the
     * function's log) goes to {@code out}, its stderr to {@code err}.
     */
    static RuntimeLauncher image(Path image, PrintStream out, PrintStream err) {
        Path bootstrap = image.resolve("bootstrap").toAbsolutePath();
        return new RuntimeLauncher() {
            @Override
            public Instance launch(FunctionDefinition function, Map<String, String> environment, Duration startTimeout) throws IOException {
                int port = freeLoopbackPort();
                ProcessBuilder builder = new ProcessBuilder(bootstrap.toString()).directory(image.toFile());
                Map<String, String> env = builder.environment();
                String path = env.getOrDefault("PATH", "/usr/bin:/bin");
                env.clear();
                env.put("PATH", path);
                env.putAll(environment);
                env.put("FC_SERVER_PORT", Integer.toString(port));
                env.put("FC_FUNC_CODE_PATH", image.toAbsolutePath().toString());
                env.put("RUNTIME_BIND_ADDRESS", "127.0.0.1");
                Process process = builder.start();
                copyLines(process.getInputStream(), out, function.name());
                copyLines(process.getErrorStream(), err, function.name());
                Instance started = new Instance() {
                    @Override
                    public String url() {
                        return "http://127.0.0.1:" + port;
                    }

                    @Override
                    public void stop() {
                        process.descendants().forEach(ProcessHandle::destroy);
                        process.destroy();
                    }
                };
                awaitListening(port, process, startTimeout, started);
                return started;
            }
        };
    }

    /** No image built: the same adapter, in this JVM, on a loopback port; the function's log to {@code out}. */
    static RuntimeLauncher inThisJvm(PrintStream out) {
        return new RuntimeLauncher() {
            @Override
            public Instance launch(FunctionDefinition function, Map<String, String> environment, Duration startTimeout) throws IOException {
                CustomRuntime runtime = CustomRuntime.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), environment, out);
                runtime.prepare();
                return new Instance() {
                    @Override
                    public String url() {
                        return "http://127.0.0.1:" + runtime.port();
                    }

                    @Override
                    public void stop() {
                        runtime.close();
                    }
                };
            }
        };
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process process, Duration timeout, Instance started) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    started.stop();
                    throw new IOException(process.isAlive() ? "bootstrap did not listen on port " + port + " within " + timeout.toSeconds() + " s"
                            : "bootstrap exited with status " + process.exitValue() + " before listening");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    started.stop();
                    throw new IOException("interrupted while the runtime was starting", e);
                }
            }
        }
    }

    private static void copyLines(InputStream from, PrintStream to, String function) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    to.println(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "log-" + function);
        pump.setDaemon(true);
        pump.start();
    }
}
