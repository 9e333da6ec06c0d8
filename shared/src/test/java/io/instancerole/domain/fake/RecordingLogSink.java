package io.instancerole.domain.fake;

import io.instancerole.domain.service.LogSink;
import java.util.ArrayList;
import java.util.List;

/** A log sink that keeps every line, for tests that assert what was logged. */
public final class RecordingLogSink implements LogSink {
    private final List<String> info = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @Override
    public synchronized void info(String line) {
        info.add(line);
    }

    @Override
    public synchronized void error(String line) {
        errors.add(line);
    }

    public synchronized List<String> infoLines() {
        return List.copyOf(info);
    }

    public synchronized List<String> errorLines() {
        return List.copyOf(errors);
    }
}
