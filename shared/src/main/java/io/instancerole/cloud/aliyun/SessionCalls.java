package io.instancerole.cloud.aliyun;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import io.instancerole.domain.service.SharedWait;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The cloud calls of one session, which may come from several threads of its request. The client
 * is resolved on the first call (an operator session costs an AssumeRole call, which a request
 * that never reaches the cloud should not pay), every answer's request id is kept, in order, and
 * the calls back off together when one is throttled.
 */
final class SessionCalls {
    private final SdkInvoker invoker;
    private final Function<Consumer<String>, SdkClient> clientResolver;
    private final List<String> requestIds = new ArrayList<>();
    private final SharedWait backoffs = new SharedWait();
    private SdkClient client;

    /** {@code clientResolver} gets where to record the request ids of any call it makes itself. */
    SessionCalls(SdkInvoker invoker, Function<Consumer<String>, SdkClient> clientResolver) {
        this.invoker = invoker;
        this.clientResolver = clientResolver;
    }

    <T extends AcsResponse> T call(AcsRequest<T> request) {
        return invoker.invoke(client(), request, this::record, backoffs);
    }

    synchronized List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    private synchronized SdkClient client() {
        if (client == null) {
            client = clientResolver.apply(this::record);
        }
        return client;
    }

    private synchronized void record(String requestId) {
        requestIds.add(requestId);
    }
}
