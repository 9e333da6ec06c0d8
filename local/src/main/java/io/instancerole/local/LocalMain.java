package io.instancerole.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.emulator.Emulator;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's command line: {@code serve} (default), {@code invoke}, {@code chat} and {@code emulator}.
 * Bad flags: one line and exit status 2; a stack that cannot start: one line and exit status 1.
 */
public final class LocalMain {
    static final String USAGE = "usage: java -jar local/target/instance-role-local.jar [command] [options]\n"
            + "  " + ServeOptions.USAGE + "\n"
            + "      the emulator and the API of template.yml on this machine (the default command)\n"
            + "  " + InvokeCommand.USAGE + "\n"
            + "      one cold invocation of one function with an API Gateway event; its answer on stdout\n"
            + "  " + ChatClient.USAGE + "\n"
            + "      plays DingTalk or Slack against a running stack: signs the message, posts it, prints the reply\n"
            + "  emulator [--port 8081] [--metadata-port 8082] [--bind 127.0.0.1] [--state FILE]\n"
            + "      the emulator alone\n";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    LocalMain(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) throws InterruptedException {
        // The hook is in place before the banner says Ctrl-C stops: a SIGTERM right after it must stop the stack cleanly.
        CompletableFuture<Running> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Running running = started.join();
            if (running != null) {
                running.close();
                System.err.println("stopped");
            }
            stopped.countDown();
        }, "shutdown"));
        Outcome outcome = Outcome.exited(1);
        try {
            outcome = new LocalMain(System.in, System.out, System.err, System.getenv()).run(args);
        } finally {
            started.complete(outcome.running());
        }
        if (outcome.running() == null) {
            System.exit(outcome.status());
        }
        stopped.await();
    }

    /** Runs a command; {@code serve} and {@code emulator} return what keeps running, for the caller to close. */
    Outcome run(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h") || (!arguments.isEmpty() && arguments.get(0).equals("help"))) {
            out.print(USAGE);
            return Outcome.exited(0);
        }
        String command = arguments.isEmpty() || arguments.get(0).startsWith("-") ? "serve" : arguments.get(0);
        List<String> options = arguments.isEmpty() || arguments.get(0).startsWith("-") ? arguments : arguments.subList(1, arguments.size());
        try {
            switch (command) {
                case "serve":
                    return Outcome.running(LocalStack.start(ServeOptions.parse(options), environment, out, err));
                case "invoke":
                    return Outcome.exited(new InvokeCommand(in, out, err).run(options));
                case "emulator":
                    return Outcome.running(emulator(options));
                case "chat":
                    return Outcome.exited(new ChatClient(out, err).run(options));
                default:
                    throw new UsageException("unknown command '" + command + "'; the commands are serve, invoke, chat and emulator");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return Outcome.exited(2);
        } catch (StartupException e) {
            err.println("error: " + e.getMessage());
            return Outcome.exited(1);
        }
    }

    private Running emulator(List<String> options) {
        Flags flags = Flags.parse("emulator", options, Set.of("--port", "--metadata-port", "--bind", "--state"), Set.of());
        flags.expectPositional(0, "emulator [--port 8081] [--metadata-port 8082] [--bind 127.0.0.1] [--state FILE]");
        EmulatorTarget target = EmulatorTarget.start(ServeOptions.address(flags.value("--bind").orElse("127.0.0.1")),
                flags.port("--port", 8081, false), "--port", flags.port("--metadata-port", 8082, true),
                flags.value("--state").map(Path::of), new ObjectMapper());
        Emulator emulator = target.emulator().orElseThrow();
        out.println("Alibaba Cloud emulator (RAM, ECS, STS, metadata) is up");
        out.println("  endpoint   " + emulator.endpoint() + "   (point the SDK here over HTTP)");
        out.println("  control    " + emulator.baseUrl() + "/_emulator/   (account, instances, users, state, …)");
        if (emulator.metadataUrl() != null) {
            out.println("  metadata   " + emulator.metadataUrl() + "/latest/meta-data/");
        }
        out.println("  account    " + emulator.accountId() + " (root key: GET " + emulator.baseUrl() + "/_emulator/account)");
        out.println("Ctrl-C stops.");
        out.flush();
        return target::close;
    }

    /** How a command ended, or what it left running. */
    static final class Outcome {
        private final int status;
        private final Running running;

        private Outcome(int status, Running running) {
            this.status = status;
            this.running = running;
        }

        static Outcome exited(int status) {
            return new Outcome(status, null);
        }

        static Outcome running(Running running) {
            return new Outcome(0, running);
        }

        int status() {
            return status;
        }

        /** What still serves (null when the command has finished); closing it stops everything. */
        Running running() {
            return running;
        }
    }
}
