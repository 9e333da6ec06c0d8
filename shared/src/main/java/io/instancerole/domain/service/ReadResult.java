package io.instancerole.domain.service;

/** What a read answers: always 200, never a dry run (reads change nothing). */
public interface ReadResult extends ServiceResult {
    @Override
    default int httpStatus() {
        return 200;
    }

    @Override
    default boolean dryRun() {
        return false;
    }
}
