package io.instancerole.domain.port;

import io.instancerole.domain.model.Caller;

/**
 * Opens the cloud for one request. The session's credentials come from a provider (Function
 * Compute's execution credentials, the standard environment variables, or an STS session of
 * OPERATOR_ROLE_ARN named after the caller), never from a constant.
 */
public interface CloudSessions {
    CloudSession open(Caller caller);
}
