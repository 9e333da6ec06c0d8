package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoke --runtime custom --runtime-image DIR} starts the image's {@code bootstrap} as its
 * own process, as Function Compute does, and drives it over HTTP. The image here is a stand-in
 * whose bootstrap runs the same adapter on this JVM's java and class path (building the real one,
 * a jlinked JDK with an AOT cache, is runtime/build.sh's job and takes a minute).
 */
class CustomRuntimeProcessTest {
    @Test
    void invokeStartsTheBootstrapAndTheFunctionAnswersThroughIt(@TempDir Path image) throws Exception {
        Path bootstrap = image.resolve("bootstrap");
        Files.writeString(bootstrap, "#!/bin/bash\n"
                + "echo $$ > '" + image.resolve("pid") + "'\n"
                + "echo \"started with handler $FC_FUNCTION_HANDLER, memory $FC_FUNCTION_MEMORY_SIZE MB, port $FC_SERVER_PORT\"\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + System.getProperty("java.class.path")
                + "' io.instancerole.runtime.RuntimeMain\n");
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        String event = "{\"path\":\"/v1/roles\",\"httpMethod\":\"POST\",\"headers\":{\"X-Caller-Id\":\"alice\",\"X-Caller-Team\":\"team-a\","
                + "\"Content-Type\":\"application/json\"},\"queryParameters\":{},\"pathParameters\":{},"
                + "\"body\":\"{\\\"roleName\\\":\\\"team-a-process\\\"}\",\"isBase64Encoded\":false}";

        StackRunner invoke = new StackRunner(java.util.Map.of(), event.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, invoke.run("invoke", "createRole", "--template", Project.template().toString(),
                "--runtime", "custom", "--runtime-image", image.toString()).status(), invoke.err());

        JsonNode answer = Http.JSON.readTree(invoke.out());
        assertEquals(201, answer.path("statusCode").asInt(), invoke.out());
        assertTrue(answer.path("body").asText().contains("team-a-process"), invoke.out());
        String log = invoke.err();
        assertTrue(log.contains("runtime: custom: " + bootstrap), log);
        assertTrue(log.contains("started with handler io.instancerole.functions.CreateRoleFunction::handleRequest, memory 512 MB"),
                "the bootstrap gets Function Compute's variables: " + log);
        assertTrue(log.contains("custom runtime: listening on 127.0.0.1:"), "on loopback only: " + log);
        assertTrue(log.contains("FC Initialize Start RequestId: ") && log.contains("FC Invoke End RequestId: "), log);

        long pid = Long.parseLong(Files.readString(image.resolve("pid")).trim());
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join());
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "invoke stops the runtime it started");
    }
}
