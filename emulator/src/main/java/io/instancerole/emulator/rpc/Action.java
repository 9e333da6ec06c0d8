package io.instancerole.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API action: returns the response body (without RequestId) or throws an ApiException. */
@FunctionalInterface
public interface Action {
    ObjectNode handle(Call call);
}
