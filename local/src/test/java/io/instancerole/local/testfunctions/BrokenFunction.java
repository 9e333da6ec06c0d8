package io.instancerole.local.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.StreamRequestHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A bug: throws instead of answering. */
public final class BrokenFunction implements StreamRequestHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new IllegalStateException("a bug in the function");
    }
}
