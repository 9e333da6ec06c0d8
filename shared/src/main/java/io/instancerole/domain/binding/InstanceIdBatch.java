package io.instancerole.domain.binding;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.service.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code instanceIds} of a batch: 1-1000 valid ids, each once, in the caller's order. */
public final class InstanceIdBatch {
    public static final int MAX_INSTANCES = 1000;
    private static final String FIELD = "instanceIds";

    private final List<InstanceId> ids;

    private InstanceIdBatch(List<InstanceId> ids) {
        this.ids = ids;
    }

    /** Validates each id (naming {@code instanceIds[i]} when one is wrong), then the count and duplicates. */
    public static InstanceIdBatch parse(List<String> values) {
        if (values == null) {
            return of(null);
        }
        List<InstanceId> ids = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            ids.add(InstanceId.of(FIELD + "[" + i + "]", values.get(i)));
        }
        return of(ids);
    }

    public static InstanceIdBatch of(List<InstanceId> ids) {
        return new InstanceIdBatch(Checks.distinctList(FIELD, ids, 1, MAX_INSTANCES));
    }

    public List<InstanceId> ids() {
        return ids;
    }

    List<String> values() {
        return ids.stream().map(InstanceId::value).collect(Collectors.toList());
    }
}
