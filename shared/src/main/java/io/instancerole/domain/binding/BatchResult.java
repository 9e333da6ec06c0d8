package io.instancerole.domain.binding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch answer: one result per instance in request order, and a summary counting each status
 * that occurred. 200 when none failed, 207 when some did.
 */
@JsonPropertyOrder({"regionId", "roleName", "dryRun", "results", "summary"})
public final class BatchResult implements ServiceResult {
    private final RegionId regionId;
    private final String roleName;
    private final boolean dryRun;
    private final List<InstanceResult> results;

    BatchResult(RegionId regionId, String roleName, boolean dryRun, List<InstanceResult> results) {
        this.regionId = regionId;
        this.roleName = roleName;
        this.dryRun = dryRun;
        this.results = List.copyOf(results);
    }

    @JsonProperty
    public String regionId() {
        return regionId.value();
    }

    /** The role asked for; null for an unbind without one (written as JSON null). */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String roleName() {
        return roleName;
    }

    @Override
    @JsonProperty
    public boolean dryRun() {
        return dryRun;
    }

    @JsonProperty
    public List<InstanceResult> results() {
        return results;
    }

    /** Status (as the contract spells it) to count, in a fixed order, only those that occurred. */
    @JsonProperty
    public Map<String, Integer> summary() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (InstanceResult result : results) {
            counts.merge(result.status(), 1, Integer::sum);
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        counts.forEach((status, count) -> summary.put(status.wire(), count));
        return summary;
    }

    @Override
    public int httpStatus() {
        return results.stream().anyMatch(r -> r.status() == Status.FAILED) ? 207 : 200;
    }
}
