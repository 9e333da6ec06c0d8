package io.instancerole.emulator;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Wraps the SDK's own transport to do on the wire what the SDK never does by itself: send a signed
 * request twice (a replayed nonce) or alter it after signing. Returns the last answer to the SDK.
 */
@SuppressWarnings("deprecation") // IHttpClient's SSL methods are deprecated but still abstract
final class RewritingHttpClient extends IHttpClient {
    private final IHttpClient delegate;
    private final Function<HttpRequest, List<HttpRequest>> rewrite;

    RewritingHttpClient(IHttpClient delegate, Function<HttpRequest, List<HttpRequest>> rewrite) {
        this.delegate = delegate;
        this.rewrite = rewrite;
    }

    static RewritingHttpClient replaying(IHttpClient delegate) {
        return new RewritingHttpClient(delegate, request -> List.of(request, request));
    }

    /** Changes the signed query: what matches {@code regex} in the URL becomes {@code replacement}. */
    static RewritingHttpClient tampering(IHttpClient delegate, String regex, String replacement) {
        return new RewritingHttpClient(delegate, request -> {
            HttpRequest changed = new HttpRequest(request.getSysUrl().replaceAll(regex, replacement),
                    request.getSysHeaders());
            changed.setSysMethod(request.getSysMethod());
            changed.setSysConnectTimeout(request.getSysConnectTimeout());
            changed.setSysReadTimeout(request.getSysReadTimeout());
            return List.of(changed);
        });
    }

    @Override
    protected void init(HttpClientConfig config) {
        // the delegate is already initialised
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
        HttpResponse last = null;
        for (HttpRequest each : rewrite.apply(request)) {
            last = delegate.syncInvoke(each);
        }
        return last;
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) {
        throw new UnsupportedOperationException("the SDK's synchronous calls are enough here");
    }

    @Override
    public void ignoreSSLCertificate() {
        delegate.ignoreSSLCertificate();
    }

    @Override
    public void restoreSSLCertificate() {
        delegate.restoreSSLCertificate();
    }

    @Override
    public boolean isSingleton() {
        return false;
    }

    @Override
    public void close() {
        // the delegate belongs to the SDK
    }
}
