package io.instancerole.runtime;

import com.aliyun.fc.runtime.FunctionComputeLogger;
import java.io.PrintStream;

/**
 * The function's log: each line goes to the stream as the function wrote it, so the audit lines
 * stay one JSON document per line (Function Compute collects a custom runtime's stdout; the local
 * stack prints it). Below the level set: dropped.
 */
public final class PrintStreamLogger implements FunctionComputeLogger {
    private final PrintStream out;
    private volatile Level level = Level.INFO;

    public PrintStreamLogger(PrintStream out) {
        this.out = out;
    }

    @Override
    public void trace(String message) {
        log(Level.TRACE, message);
    }

    @Override
    public void debug(String message) {
        log(Level.DEBUG, message);
    }

    @Override
    public void info(String message) {
        log(Level.INFO, message);
    }

    @Override
    public void warn(String message) {
        log(Level.WARN, message);
    }

    @Override
    public void error(String message) {
        log(Level.ERROR, message);
    }

    @Override
    public void fatal(String message) {
        log(Level.FATAL, message);
    }

    @Override
    public void setLogLevel(Level level) {
        this.level = level;
    }

    private void log(Level at, String message) {
        if (at.compareTo(level) >= 0) {
            out.println(message);
        }
    }
}
