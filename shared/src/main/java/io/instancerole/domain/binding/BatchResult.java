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
import java.util.stream.Collectors;

/**
 * A batch answer: one result per instance in request order, a summary counting each status that
 * occurred and, when instances were skipped, how to finish the job. 200 when none failed or was
 * skipped, 207 otherwise.
 */
@JsonPropertyOrder({"regionId", "roleName", "dryRun", "results", "summary", "retry"})
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

    /**
     * Present only when instances were skipped: {@code {"skipped", "message"}}, the message telling
     * the caller to send the same request again until nothing is skipped.
     */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Map<String, Object> retry() {
        List<InstanceResult> skipped = results.stream().filter(r -> r.status() == Status.SKIPPED).collect(Collectors.toList());
        if (skipped.isEmpty()) {
            return null;
        }
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("skipped", skipped.size());
        retry.put("message", skipped.size() + " of " + results.size() + " instances were not reached (status \"skipped\", code \""
                + skipped.get(0).code() + "\"): send the same request again. It is safe: instances already done answer \"unchanged\""
                + " and the others are worked on. Repeat until no instance is \"skipped\".");
        return retry;
    }

    @Override
    public int httpStatus() {
        return results.stream().anyMatch(r -> r.status() == Status.FAILED || r.status() == Status.SKIPPED) ? 207 : 200;
    }
}
