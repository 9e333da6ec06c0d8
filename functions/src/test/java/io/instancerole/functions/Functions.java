package io.instancerole.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The handler classes, found in the compiled functions package (a new function needs no entry here), as the tests construct them. */
final class Functions {
    static final List<Class<? extends FunctionHandler>> CLASSES = discover();

    private Functions() {}

    /** A handler of {@code type} configured with {@code environment}, through the constructor the local stack uses. */
    static <T extends FunctionHandler> T create(Class<T> type, Map<String, String> environment) {
        try {
            return type.getConstructor(Map.class).newInstance(environment);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " has no public (Map) constructor", e);
        }
    }

    /** Every concrete FunctionHandler in the directory FunctionHandler.class was compiled to. */
    private static List<Class<? extends FunctionHandler>> discover() {
        List<Class<? extends FunctionHandler>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(packageDirectory())) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.comparing(Path::toString))::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(FunctionHandler.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (FunctionHandler.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type.asSubclass(FunctionHandler.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        if (found.isEmpty()) {
            throw new AssertionError("no handler classes found next to " + FunctionHandler.class);
        }
        return List.copyOf(found);
    }

    private static Path packageDirectory() {
        try {
            return Path.of(FunctionHandler.class.getResource(FunctionHandler.class.getSimpleName() + ".class").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
