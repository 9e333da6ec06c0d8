package io.instancerole.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code serve}'s command line. */
final class ServeOptions {
    static final String USAGE = "serve [--port 8080] [--emulator-port 8081] [--metadata-port 8082] [--bind 127.0.0.1]"
            + " [--no-demo] [--state FILE] [--callers FILE] [--chatops FILE] [--template template.yml] [--cloud aliyun] "
            + RuntimeOption.USAGE;

    private final InetAddress bind;
    private final int port;
    private final int emulatorPort;
    private final int metadataPort;
    private final boolean demo;
    private final Path callers;
    private final Path chatops;
    private final Path template;
    private final boolean realCloud;
    private final Path state;
    private final RuntimeOption runtime;

    private ServeOptions(InetAddress bind, int port, int emulatorPort, int metadataPort, boolean demo, Path callers, Path chatops,
                         Path template, boolean realCloud, Path state, RuntimeOption runtime) {
        this.bind = bind;
        this.port = port;
        this.emulatorPort = emulatorPort;
        this.metadataPort = metadataPort;
        this.demo = demo;
        this.callers = callers;
        this.chatops = chatops;
        this.template = template;
        this.realCloud = realCloud;
        this.state = state;
        this.runtime = runtime;
    }

    static ServeOptions parse(List<String> args) {
        Set<String> valued = new HashSet<>(Set.of("--port", "--emulator-port", "--metadata-port", "--bind", "--callers", "--chatops",
                "--template", "--cloud", "--state"));
        valued.addAll(RuntimeOption.FLAGS);
        Flags flags = Flags.parse("serve", args, valued, Set.of("--no-demo"));
        flags.expectPositional(0, USAGE);
        String cloud = flags.value("--cloud").orElse(null);
        if (cloud != null && !cloud.equals("aliyun")) {
            throw new UsageException("--cloud takes 'aliyun' (the real Alibaba Cloud), not '" + cloud + "'; without it the emulator is used");
        }
        if (cloud != null && flags.value("--state").isPresent()) {
            throw new UsageException("--state keeps the emulator's account; the real cloud (--cloud aliyun) keeps its own");
        }
        return new ServeOptions(address(flags.value("--bind").orElse("127.0.0.1")),
                flags.port("--port", 8080, false), flags.port("--emulator-port", 8081, false),
                flags.port("--metadata-port", 8082, true), !flags.isSet("--no-demo"),
                flags.value("--callers").map(Path::of).orElse(null), flags.value("--chatops").map(Path::of).orElse(null),
                Path.of(flags.value("--template").orElse("template.yml")), cloud != null,
                flags.value("--state").map(Path::of).orElse(null), RuntimeOption.parse(flags));
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind must be an address of this machine, e.g. 127.0.0.1, not '" + text + "'");
        }
    }

    InetAddress bind() {
        return bind;
    }

    int port() {
        return port;
    }

    int emulatorPort() {
        return emulatorPort;
    }

    /** -1: no metadata listener. */
    int metadataPort() {
        return metadataPort;
    }

    boolean demo() {
        return demo;
    }

    Optional<Path> callers() {
        return Optional.ofNullable(callers);
    }

    /** {@code --state FILE}: the emulator's account kept there across restarts; empty: memory only. */
    Optional<Path> state() {
        return Optional.ofNullable(state);
    }

    Optional<Path> chatopsFile() {
        return Optional.ofNullable(chatops);
    }

    /** The chat routes' secrets and directory: {@code --chatops FILE}, else the demo ones. */
    ChatSetup chat() {
        return chatops == null ? ChatSetup.demo() : ChatSetup.read(chatops);
    }

    Path template() {
        return template;
    }

    RuntimeOption runtime() {
        return runtime;
    }

    /** {@code --cloud aliyun}: the real cloud instead of the emulator. */
    boolean realCloud() {
        return realCloud;
    }
}
