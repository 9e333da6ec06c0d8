package io.instancerole.emulator.state;

import io.instancerole.emulator.core.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The injected faults, consumed in the order they were added. */
public final class Faults {
    private static final String DEFAULT_MESSAGE = "This error was injected through the emulator's control API.";

    private final List<Fault> faults = new ArrayList<>();

    public void add(Fault fault) {
        faults.add(fault);
    }

    public void clear() {
        faults.clear();
    }

    /** Consumes one use of a whole-call fault for {@code action}, returned as the error to answer. */
    public Optional<ApiException> takeCallFault(String action) {
        return take(action, null);
    }

    /** Consumes one use of a fault for {@code action} on one instance of a batch call. */
    public Optional<ApiException> takeInstanceFault(String action, String instanceId) {
        return take(action, instanceId);
    }

    private Optional<ApiException> take(String action, String instanceId) {
        for (Fault fault : faults) {
            if (fault.matches(action, instanceId) && !fault.letsPass()) {
                fault.use();
                faults.removeIf(f -> f.remaining() <= 0);
                String message = fault.message() == null ? DEFAULT_MESSAGE : fault.message();
                return Optional.of(new ApiException(fault.httpStatus(), fault.code(), message));
            }
        }
        return Optional.empty();
    }
}
