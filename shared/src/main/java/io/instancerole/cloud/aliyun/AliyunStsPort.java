package io.instancerole.cloud.aliyun;

import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import io.instancerole.domain.port.CallerIdentity;
import io.instancerole.domain.port.StsPort;

/** STS through the V1 SDK's request classes. */
final class AliyunStsPort implements StsPort {
    private final SessionCalls calls;

    AliyunStsPort(SessionCalls calls) {
        this.calls = calls;
    }

    @Override
    public CallerIdentity getCallerIdentity() {
        GetCallerIdentityResponse response = calls.call(new GetCallerIdentityRequest());
        return new CallerIdentity(response.getAccountId(), response.getArn(), response.getIdentityType());
    }
}
