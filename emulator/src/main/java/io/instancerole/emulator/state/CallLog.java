package io.instancerole.emulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.Json;
import java.util.Map;
import java.util.Set;

/** Every API call received, in order, without Signature or secrets: what {@code GET /_emulator/calls} answers. */
public final class CallLog {
    private static final Set<String> HIDDEN_PARAMS = Set.of("Signature", "SecurityToken", "AccessKeySecret");

    private final ArrayNode calls = Json.array();
    private long lastSeq;

    public void record(String product, String action, String principal, String signatureVersion,
                       Map<String, String> params, int httpStatus, String code) {
        ObjectNode call = calls.addObject();
        call.put("seq", ++lastSeq);
        call.put("product", product);
        call.put("action", action);
        call.put("principal", principal);
        call.put("signatureVersion", signatureVersion);
        ObjectNode shown = call.putObject("params");
        params.forEach((name, value) -> {
            if (!HIDDEN_PARAMS.contains(name)) {
                shown.put(name, value);
            }
        });
        call.put("httpStatus", httpStatus);
        call.put("code", code);
    }

    public ArrayNode snapshot() {
        return calls.deepCopy();
    }

    public void clear() {
        calls.removeAll();
    }
}
