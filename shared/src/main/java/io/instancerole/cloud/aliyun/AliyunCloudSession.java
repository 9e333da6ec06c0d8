package io.instancerole.cloud.aliyun;

import io.instancerole.domain.port.CloudSession;
import io.instancerole.domain.port.EcsPort;
import io.instancerole.domain.port.RamPort;
import io.instancerole.domain.port.StsPort;
import java.util.List;

/** One request's view of the cloud; its ports share the session's client and request-id record. */
final class AliyunCloudSession implements CloudSession {
    private final SessionCalls calls;
    private final RamPort ram;
    private final EcsPort ecs;
    private final StsPort sts;

    AliyunCloudSession(SessionCalls calls) {
        this.calls = calls;
        this.ram = new AliyunRamPort(calls);
        this.ecs = new AliyunEcsPort(calls);
        this.sts = new AliyunStsPort(calls);
    }

    @Override
    public RamPort ram() {
        return ram;
    }

    @Override
    public EcsPort ecs() {
        return ecs;
    }

    @Override
    public StsPort sts() {
        return sts;
    }

    @Override
    public List<String> cloudRequestIds() {
        return calls.requestIds();
    }
}
