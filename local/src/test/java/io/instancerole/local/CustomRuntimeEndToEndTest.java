package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough and guardrails through {@code serve --runtime custom}: every request
 * reaches its function over Function Compute's custom-runtime protocol. The tests run the adapter
 * in this JVM (they run from the module's folder, where there is no runtime/target/image), so no
 * image has to be built; runtime/build.sh and the benchmarks exercise the image itself.
 */
class CustomRuntimeEndToEndTest extends EndToEndTest {
    @Override
    List<String> runtimeOptions() {
        return List.of("--runtime", "custom");
    }

    @Test
    void everyRequestWentThroughTheProtocol() {
        EndToEndTest.send(gateway, Walkthrough.DESCRIBE_ROLE);
        String log = runner.out();
        assertTrue(log.contains("FC Initialize Start RequestId: ") && log.contains("FC Invoke Start RequestId: ")
                && log.contains("FC Invoke End RequestId: "), log);
        assertTrue(runner.out().contains("runtime") && runner.out().contains("the adapter in this JVM"), "the banner says which runtime");
    }
}
