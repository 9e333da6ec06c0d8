package io.instancerole.local;

import com.aliyun.fc.runtime.Credentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * {@code invoke}: one cold invocation of one function in this JVM, what {@code fun local invoke}
 * does. Only the function's answer goes to stdout (its log lines go to stderr), so the output can
 * be piped. The path to the invocation stays lean: benchmarks time it.
 */
final class InvokeCommand {
    static final String USAGE = "invoke <function> [--event FILE|-] [--emulator URL] [--template template.yml] " + RuntimeOption.USAGE;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    InvokeCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** The exit status: 0 when the function answered (whatever its statusCode), 1 when it failed or timed out. */
    int run(List<String> args) {
        Set<String> valued = new HashSet<>(Set.of("--event", "--emulator", "--template"));
        valued.addAll(RuntimeOption.FLAGS);
        Flags flags = Flags.parse("invoke", args, valued, Set.of());
        if (flags.positional().isEmpty()) {
            throw new UsageException("invoke needs the name of a function of template.yml; usage: " + USAGE);
        }
        flags.expectPositional(1, USAGE);
        RuntimeOption runtime = RuntimeOption.parse(flags);
        if (runtime.custom()) {
            err.println("runtime: " + runtime.describe());
        }
        ObjectMapper json = new ObjectMapper();
        Template template = Template.read(Path.of(flags.value("--template").orElse("template.yml")));
        FunctionDefinition function = template.function(flags.positional().get(0));
        byte[] event = readEvent(flags.value("--event").orElse("-"));
        ExecutorService threads = Threads.cachedPool("function");
        FunctionRuntime running = null;
        try (CloudTarget target = flags.value("--emulator").isPresent()
                ? EmulatorTarget.connect(flags.value("--emulator").get(), json)
                : EmulatorTarget.start(InetAddress.getLoopbackAddress(), 0, "--emulator", -1, Optional.empty(), json)) {
            PendingCredentials credentials = new PendingCredentials();
            FunctionRuntime local = runtime.function(function, LocalStack.environment(function, target), credentials, err, err, threads);
            running = local;
            // Making the handler and running its Initializer need no cloud call: a worker does it while this
            // thread sets up the execution role and fetches its session over loopback HTTP.
            local.startInstance();
            credentials.setUp(target, template.service(function.serviceName()), err::println);
            Invocation invocation = local.invoke(event, UUID.randomUUID().toString(), function.timeoutSeconds() * 1000L);
            if (invocation.outcome() != Invocation.Outcome.ANSWERED) {
                err.println(invocation.problem());
                return 1;
            }
            out.write(invocation.answer());
            out.println();
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new StartupException("cannot write the answer: " + e.getMessage(), e);
        } finally {
            if (running != null) {
                running.close();
            }
            threads.shutdownNow();
        }
    }

    /** The execution credentials, known once the role is set up; a set-up failure is thrown here, as it was before. */
    private static final class PendingCredentials implements ExecutionCredentials {
        private final CompletableFuture<ExecutionCredentials> ready = new CompletableFuture<>();

        void setUp(CloudTarget target, ServiceDefinition service, Consumer<String> notes) {
            try {
                ExecutionCredentials credentials = target.executionCredentials(service, notes);
                credentials.current();
                ready.complete(credentials);
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                throw e;
            }
        }

        @Override
        public Credentials current() {
            return ready.join().current();
        }
    }

    private byte[] readEvent(String source) {
        try {
            return "-".equals(source) ? in.readAllBytes() : Files.readAllBytes(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new UsageException("--event " + source + ": no such file");
        } catch (IOException e) {
            throw new StartupException("cannot read the event from " + ("-".equals(source) ? "stdin" : source) + ": " + e.getMessage(), e);
        }
    }
}
