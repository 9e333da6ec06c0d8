package io.instancerole.domain.port;

import java.util.List;

/** The cloud as one request sees it. Not shared between requests. */
public interface CloudSession {
    RamPort ram();

    EcsPort ecs();

    StsPort sts();

    /** The cloud's request ids of every call made through this session so far, in order (for the audit line). */
    List<String> cloudRequestIds();
}
