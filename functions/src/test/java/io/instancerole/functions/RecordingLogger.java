package io.instancerole.functions;

import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Function Compute's logger as a test sees it: every line kept, by level. Thread-safe. */
final class RecordingLogger implements FunctionComputeLogger {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> info = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @Override
    public void trace(String line) {
        info(line);
    }

    @Override
    public void debug(String line) {
        info(line);
    }

    @Override
    public synchronized void info(String line) {
        info.add(line);
    }

    @Override
    public void warn(String line) {
        error(line);
    }

    @Override
    public synchronized void error(String line) {
        errors.add(line);
    }

    @Override
    public void fatal(String line) {
        error(line);
    }

    @Override
    public void setLogLevel(Level level) {
        // every line is kept whatever the level
    }

    synchronized List<String> infoLines() {
        return List.copyOf(info);
    }

    synchronized List<String> errorLines() {
        return List.copyOf(errors);
    }

    synchronized List<String> allLines() {
        List<String> all = new ArrayList<>(info);
        all.addAll(errors);
        return all;
    }

    /** The audit lines, parsed. */
    List<JsonNode> auditLines() {
        return infoLines().stream().map(RecordingLogger::parse).filter(line -> "audit".equals(line.path("type").asText()))
                .collect(Collectors.toList());
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a log line is not JSON: " + line, e);
        }
    }
}
