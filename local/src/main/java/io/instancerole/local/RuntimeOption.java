package io.instancerole.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * {@code --runtime java11|custom} of {@code serve} and {@code invoke}: the functions in this JVM as
 * the built-in {@code java11} runtime runs them (the default), or behind the custom-runtime
 * protocol: the image's {@code bootstrap} when {@code --runtime-image} (default
 * {@code runtime/target/image}) holds one, else the same adapter in this JVM.
 */
final class RuntimeOption {
    static final Set<String> FLAGS = Set.of("--runtime", "--runtime-image");
    static final String USAGE = "[--runtime java11|custom] [--runtime-image runtime/target/image]";
    static final RuntimeOption BUILT_IN = new RuntimeOption(false, null);

    private final boolean custom;
    private final Path image;

    private RuntimeOption(boolean custom, Path image) {
        this.custom = custom;
        this.image = image;
    }

    static RuntimeOption parse(Flags flags) {
        String runtime = flags.value("--runtime").orElse("java11");
        if (!runtime.equals("java11") && !runtime.equals("custom")) {
            throw new UsageException("--runtime takes java11 (the built-in runtime, the default) or custom (the custom-runtime protocol), not '"
                    + runtime + "'");
        }
        if (flags.isSet("--runtime-image") && runtime.equals("java11")) {
            throw new UsageException("--runtime-image goes with --runtime custom");
        }
        return new RuntimeOption(runtime.equals("custom"), Path.of(flags.value("--runtime-image").orElse("runtime/target/image")));
    }

    boolean custom() {
        return custom;
    }

    /** The function as this runtime runs it; its log to {@code out}, the stack's notes to {@code err}. */
    FunctionRuntime function(FunctionDefinition definition, Map<String, String> environment, ExecutionCredentials credentials,
                             PrintStream out, PrintStream err, ExecutorService threads) {
        return custom
                ? new CustomRuntimeFunction(definition, environment, credentials, (hasImage() ? RuntimeLauncher.image(image, out, err) : RuntimeLauncher.inThisJvm(out)), err, threads)
                : new LocalFunction(definition, environment, credentials, out, err, threads);
    }

    /** One line for the operator. */
    String describe() {
        if (!custom) {
            return "java11 (built-in: the handlers in this JVM)";
        }
        return hasImage() ? "custom: " + image.resolve("bootstrap") + ", one process per function"
                : "custom: the adapter in this JVM, one port per function (no image at " + image + "; runtime/build.sh makes one)";
    }

    private boolean hasImage() {
        return Files.isExecutable(image.resolve("bootstrap"));
    }
}
