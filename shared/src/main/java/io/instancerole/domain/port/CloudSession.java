package io.instancerole.domain.port;

import java.util.List;
import java.util.function.Supplier;

/** The cloud as one request sees it: the ports, and what they called. Not shared between requests. */
public final class CloudSession {
    private final RamPort ram;
    private final EcsPort ecs;
    private final StsPort sts;
    private final Supplier<List<String>> cloudRequestIds;

    /** {@code cloudRequestIds} answers the request ids the three ports have recorded so far. */
    public CloudSession(RamPort ram, EcsPort ecs, StsPort sts, Supplier<List<String>> cloudRequestIds) {
        this.ram = ram;
        this.ecs = ecs;
        this.sts = sts;
        this.cloudRequestIds = cloudRequestIds;
    }

    public RamPort ram() {
        return ram;
    }

    public EcsPort ecs() {
        return ecs;
    }

    public StsPort sts() {
        return sts;
    }

    /** The cloud's request ids of every call made through this session so far, in order (for the audit line). */
    public List<String> cloudRequestIds() {
        return cloudRequestIds.get();
    }
}
