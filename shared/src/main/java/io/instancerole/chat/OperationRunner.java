package io.instancerole.chat;

import io.instancerole.domain.model.Caller;
import io.instancerole.domain.service.RequestContext;
import io.instancerole.domain.service.ServiceResult;
import java.util.Map;
import java.util.function.Function;

/**
 * How the bot reaches an operation: the function opens the request's context for the caller and
 * writes the same audit line as the REST handler would (target, changes, cloud request ids), with
 * the channel and the platform's message id.
 */
public interface OperationRunner {
    <R extends ServiceResult> R run(Operation operation, Caller caller, boolean dryRun, Map<String, ?> auditTarget,
            Function<RequestContext, R> service);
}
