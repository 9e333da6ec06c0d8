package io.instancerole.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** s.yaml and its flavours at the root ({@code s-<name>.yaml}, Serverless Devs' naming), each checked like s.yaml. */
    static List<Path> serverlessDevsFiles() {
        try (Stream<Path> files = Files.list(root())) {
            return files.filter(f -> f.getFileName().toString().matches("s(-[A-Za-z0-9.-]+)?\\.yaml")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
