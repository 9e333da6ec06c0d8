package io.instancerole.domain.service;

/**
 * Where the domain's log lines go: the Function Compute logger in a function, stdout/stderr
 * elsewhere. Each line is one JSON document, never holding a secret.
 */
public interface LogSink {
    void info(String line);

    /** Something an operator must act on. */
    void error(String line);

    static LogSink stdout() {
        return new LogSink() {
            @Override
            public void info(String line) {
                System.out.println(line);
            }

            @Override
            public void error(String line) {
                System.err.println(line);
            }
        };
    }
}
