package io.instancerole.functions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import io.instancerole.domain.service.LogSink;

/** The domain's log lines into Function Compute's logger (and so into the service's Logstore). */
final class FcLogSink implements LogSink {
    private final FunctionComputeLogger logger;

    private FcLogSink(FunctionComputeLogger logger) {
        this.logger = logger;
    }

    /** The invocation's logger; stdout/stderr when the runtime gives none. */
    static LogSink of(Context context) {
        FunctionComputeLogger logger = context == null ? null : context.getLogger();
        return logger == null ? LogSink.stdout() : new FcLogSink(logger);
    }

    @Override
    public void info(String line) {
        logger.info(line);
    }

    @Override
    public void error(String line) {
        logger.error(line);
    }
}
