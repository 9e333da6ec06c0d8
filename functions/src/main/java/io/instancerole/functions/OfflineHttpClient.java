package io.instancerole.functions;

import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/**
 * An SDK transport that sends nothing: it answers every request with a canned GetRole answer.
 * Plugged in through the SDK's documented custom-client setting, it lets the initializer run a
 * request through the whole SDK path (signing, retry policy, tracing, unmarshalling) offline.
 */
public final class OfflineHttpClient extends IHttpClient {
    static final String ROLE_NAME = "priming";
    private static final byte[] ANSWER = ("{\"RequestId\":\"priming\",\"Role\":{\"RoleName\":\"" + ROLE_NAME + "\",\"RoleId\":\"1\","
            + "\"Arn\":\"acs:ram::1:role/" + ROLE_NAME + "\",\"Description\":\"\",\"AssumeRolePolicyDocument\":\"{}\","
            + "\"CreateDate\":\"2015-01-23T12:33:18Z\",\"MaxSessionDuration\":3600}}").getBytes(StandardCharsets.UTF_8);

    /** The SDK builds custom clients through this constructor. */
    public OfflineHttpClient(HttpClientConfig config) {
        this.clientConfig = config;
    }

    @Override
    protected void init(HttpClientConfig config) {
        // nothing to set up: no connection is ever made
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) {
        HttpResponse response = new HttpResponse(request.getSysUrl());
        response.setStatus(200);
        response.setHttpContent(ANSWER.clone(), "UTF-8", FormatType.JSON);
        return response;
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) {
        throw new UnsupportedOperationException("the offline client answers synchronous calls only");
    }

    @Override
    public void ignoreSSLCertificate() {
        // no TLS: nothing is sent
    }

    @Override
    public void restoreSSLCertificate() {
        // no TLS: nothing is sent
    }

    @Override
    public boolean isSingleton() {
        return false;
    }

    @Override
    public void close() {
        // holds nothing
    }
}
