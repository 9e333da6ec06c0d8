package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * s-custom.yaml deploys s.yaml on the custom runtime and changes nothing else: every function of
 * the deployment, and for each only its runtime, its code (the zip runtime/build.sh writes) and
 * the command and port the image's bootstrap and adapter use. The role, policy, environment and
 * triggers stay s.yaml's, one source.
 */
class CustomRuntimeDeploymentTest {
    @Test
    void everyFunctionRunsTheImageAndNothingElseChanges() throws Exception {
        JsonNode flavour = Template.readTree(Project.root().resolve("s-custom.yaml"));
        assertEquals("s.yaml", flavour.path("extend").asText(), "Serverless Devs merges it over s.yaml");
        Set<String> functions = new TreeSet<>();
        Template.read(Project.template()).functions().forEach(f -> functions.add(f.name()));
        assertEquals(functions, names(flavour.path("resources")), "one override per function of the deployment");

        JsonNode vars = flavour.path("vars");
        assertEquals("./runtime/target/instance-role-runtime.zip", vars.path("customCode").asText());
        assertTrue(Files.readString(Project.root().resolve("runtime/build.sh")).contains("instance-role-runtime.zip"),
                "build.sh writes the package s-custom.yaml deploys");
        assertEquals("/code/bootstrap", vars.path("customRuntime").path("command").get(0).asText(), "the image's bootstrap, unpacked in /code");
        assertEquals(9000, vars.path("customRuntime").path("port").asInt(), "the adapter's default port");
        flavour.path("resources").fields().forEachRemaining(resource -> {
            JsonNode props = resource.getValue().path("props");
            assertEquals(Set.of("runtime", "code", "customRuntimeConfig"), names(props), resource.getKey() + " overrides only the runtime");
            assertEquals("custom.debian12", props.path("runtime").asText(), resource.getKey());
            assertEquals("${vars.customCode}", props.path("code").asText(), resource.getKey());
            assertEquals("${vars.customRuntime}", props.path("customRuntimeConfig").asText(), resource.getKey());
        });
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
