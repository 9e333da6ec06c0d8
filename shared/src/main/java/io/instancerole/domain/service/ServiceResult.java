package io.instancerole.domain.service;

/**
 * What a service answers. Results serialize with Jackson to the contract's JSON
 * ({@code mapper.writeValueAsString(result)}); {@link #httpStatus()} is the status to send.
 */
public interface ServiceResult {
    /** 201 when something was created, 207 for a batch with failures, else 200. */
    int httpStatus();

    boolean dryRun();
}
