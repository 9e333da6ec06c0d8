package io.instancerole.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own files (template.yml, README.md) and whether the real functions are on the class path. */
final class Project {
    private static final String[] HANDLERS = {"CreateRole", "CreatePolicy", "BindRole", "UnbindRole", "ReplaceRole",
        "GrantPassRole", "Describe"};

    private Project() {}

    /** The project's root: the nearest directory up from here that holds template.yml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yml")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yml above " + Path.of("").toAbsolutePath());
    }

    static Path template() {
        return root().resolve("template.yml");
    }

    /** Skips a test of the real workflow until the seven handler classes exist. */
    static void assumeFunctionsPresent() {
        for (String handler : HANDLERS) {
            String name = "io.instancerole.functions." + handler + "Function";
            boolean present;
            try {
                Class.forName(name, false, Project.class.getClassLoader());
                present = true;
            } catch (ClassNotFoundException e) {
                present = false;
            }
            assumeTrue(present, name + " is not built yet");
        }
    }
}
