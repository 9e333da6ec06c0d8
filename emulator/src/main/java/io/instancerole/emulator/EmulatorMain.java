package io.instancerole.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar alibaba-cloud-emulator.jar [--port N] [--metadata-port M] [--bind ADDR] [--state FILE]}: runs
 * the emulator until SIGTERM or Ctrl-C. Exit status 2 for bad arguments or a port in use.
 */
public final class EmulatorMain {
    static final int DEFAULT_PORT = 8081;
    private static final String USAGE =
            "usage: java -jar alibaba-cloud-emulator.jar [--port N (default 8081)] [--metadata-port M] [--bind ADDR (default 127.0.0.1)] [--state FILE (keep the account there across restarts)]";

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(options);
        } catch (BindException e) {
            System.err.println("error: cannot listen on " + options.bindAddress() + " port " + options.apiPort()
                    + (options.metadataPort() > 0 ? " or " + options.metadataPort() : "") + ": the port is in use");
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("error: cannot start the emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        printBanner(System.out, emulator);
        stopped.await();
    }

    static EmulatorOptions parse(String[] args) {
        EmulatorOptions options = EmulatorOptions.defaults().withApiPort(DEFAULT_PORT)
                .withMetadataPort(EmulatorOptions.NO_METADATA_LISTENER);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                throw new IllegalArgumentException("help requested");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port":
                    options = options.withApiPort(port(flag, value));
                    break;
                case "--metadata-port":
                    options = options.withMetadataPort(port(flag, value));
                    break;
                case "--bind":
                    options = options.withBindAddress(value);
                    break;
                case "--state":
                    options = options.withStateFile(Path.of(value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return options;
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a port number from 0 to 65535, not \"" + value + "\"");
    }

    /** One line; no secrets (the root key is at {@code GET /_emulator/account}). */
    static void printBanner(PrintStream out, Emulator emulator) {
        out.println("Alibaba Cloud emulator: API " + emulator.baseUrl() + " (SDK endpoint " + emulator.endpoint()
                + "), control " + emulator.baseUrl() + "/_emulator/account"
                + (emulator.metadataUrl() == null ? "" : ", metadata " + emulator.metadataUrl() + "/latest/meta-data/")
                + ", account " + emulator.accountId());
        out.flush();
    }
}
