package io.instancerole.domain.port;

/** The STS calls the workflows make. */
public interface StsPort {
    CallerIdentity getCallerIdentity();
}
