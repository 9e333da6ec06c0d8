package io.instancerole.emulator.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RPC call as received: the HTTP method, every query and form parameter (decoded), the client address. */
public final class RpcRequest {
    private final String method;
    private final Map<String, String> params;
    private final String sourceIp;

    public RpcRequest(String method, Map<String, String> params, String sourceIp) {
        this.method = method;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.sourceIp = sourceIp;
    }

    public String method() { return method; }
    public Map<String, String> params() { return params; }
    public String sourceIp() { return sourceIp; }

    /** The parameter's value; null when absent or empty (the SDK sends unset parameters not at all). */
    public String param(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
