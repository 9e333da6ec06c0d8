package io.instancerole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation of one of our functions with nothing around it: what Function Compute's
 * runtime does (construct, initialize, handle one event), minus the runtime's own start-up. It
 * separates the function's cold cost from the local stack's (template reading, execution role
 * set-up in the emulator). Arguments: the function class, the event file. Environment: the
 * function's variables, CLOUD_ENDPOINT and the access key.
 */
public final class ColdFunction {
    private ColdFunction() {}

    public static void main(String[] args) throws Exception {
        FunctionHarness function = new FunctionHarness(args[0], System.getenv());
        JsonNode answer = function.call(Files.readAllBytes(Path.of(args[1])));
        System.out.println(answer);
    }
}
