package io.instancerole.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own files: template.yml, s.yaml and README.md. */
final class Project {
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

    static Path serverlessDevs() {
        return root().resolve("s.yaml");
    }
}
