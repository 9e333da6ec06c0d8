package io.instancerole.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line as a user would, in this JVM, capturing stdout and stderr. */
final class StackRunner {
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

    /** {@code serve} on free ports with these options; fails the test when it does not start. */
    LocalStack serve(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        LocalMain.Outcome outcome = run(args);
        if (outcome.status() != 0) {
            throw new AssertionError("serve did not start: " + err());
        }
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
