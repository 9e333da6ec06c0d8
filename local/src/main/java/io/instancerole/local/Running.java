package io.instancerole.local;

/** Something a command left serving; closing it stops it (from the shutdown hook on Ctrl-C or SIGTERM). */
interface Running extends AutoCloseable {
    @Override
    void close();
}
