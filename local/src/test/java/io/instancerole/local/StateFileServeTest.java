package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.Emulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --state FILE}: a second start finds the first one's account, demo instances made once. */
class StateFileServeTest {
    private static final String TEMPLATE = StackRunner.resource("test-template.yml").toString();

    @TempDir
    Path directory;

    @Test
    void aRestartKeepsTheAccountAndDoesNotRemakeTheDemo() {
        String file = directory.resolve("state.json").toString();
        String accountId;
        JsonNode instances;
        LocalStack first = serve(file);
        try {
            Emulator emulator = first.emulator().orElseThrow().emulator().orElseThrow();
            accountId = emulator.accountId();
            instances = emulator.control().state().path("instances");
            assertEquals(DemoAccount.INSTANCES.size(), instances.size());
        } finally {
            first.close();
        }
        LocalStack second = serve(file);
        try {
            Emulator emulator = second.emulator().orElseThrow().emulator().orElseThrow();
            assertEquals(accountId, emulator.accountId());
            assertEquals(instances, emulator.control().state().path("instances"));
        } finally {
            second.close();
        }
    }

    private static LocalStack serve(String stateFile) {
        StackRunner runner = new StackRunner();
        LocalMain.Outcome outcome = runner.run("--port", "0", "--emulator-port", "0", "--metadata-port", "-1",
                "--template", TEMPLATE, "--state", stateFile);
        assertEquals(0, outcome.status(), runner.err());
        return (LocalStack) outcome.running();
    }
}
