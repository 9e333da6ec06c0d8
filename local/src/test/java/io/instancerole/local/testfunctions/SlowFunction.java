package io.instancerole.local.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.functions.http.ApiRequest;
import io.instancerole.functions.http.ApiResponse;
import io.instancerole.functions.http.EventCodec;
import io.instancerole.functions.http.EventCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Sleeps {@code ?sleepMs=} before answering; made with the no-argument constructor (it has no Map one). */
public final class SlowFunction implements StreamRequestHandler, FunctionInitializer {
    public static final AtomicInteger INSTANCES = new AtomicInteger();
    private final EventCodecs events = new EventCodecs(new ObjectMapper());
    private final int instance = INSTANCES.incrementAndGet();

    @Override
    public void initialize(Context context) {
        // nothing to prepare; present so a fresh instance is initialized like any other
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = events.parse(input);
        EventCodec codec = events.codecOf(event);
        ApiRequest request = codec.read(event);
        long sleep = Long.parseLong(request.queryParameter("sleepMs").orElse("0"));
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped by the runtime");
        }
        codec.writeResponse(ApiResponse.json(200, "{\"instance\":" + instance + "}"), output);
    }
}
