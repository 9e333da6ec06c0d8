package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line as a user would, in this JVM, capturing stdout and stderr. */
final class StackRunner {
    /** Stand-in credentials for {@code --cloud aliyun}: with test functions that make no cloud call, no emulator is involved. */
    static final Map<String, String> STAND_IN_CLOUD = Map.of(
            "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIlocaltest", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-a-real-secret");

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Map<String, String> environment;
    private final byte[] stdin;

    StackRunner(Map<String, String> environment, byte[] stdin) {
        this.environment = environment;
        this.stdin = stdin;
    }

    StackRunner() {
        this(Map.of(), new byte[0]);
    }

    LocalMain.Outcome run(String... args) {
        return new LocalMain(new ByteArrayInputStream(stdin), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), environment).run(args);
    }

    /** {@code serve} with these arguments, which must start: the running stack. */
    LocalStack serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        LocalMain.Outcome outcome = run(all);
        assertEquals(0, outcome.status(), err());
        return (LocalStack) outcome.running();
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** A file of the test resources, as a path to hand to {@code --template} and the like. */
    static Path resource(String name) {
        try {
            return Path.of(StackRunner.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
