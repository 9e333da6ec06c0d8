package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.service.ServiceResult;
import io.instancerole.domain.service.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the two policy answers share: {@code "status"}, {@code "dryRun"} and the policy's lint
 * {@code "findings"}, each written as the contract does: {@code {"level", "code", "message", "path"}}.
 */
abstract class PolicyResult implements ServiceResult {
    private final Status status;
    private final boolean dryRun;
    private final List<Finding> findings;
    private final boolean madeSomething;

    /** {@code madeSomething}: the status says something new was made, which answers 201. */
    PolicyResult(Status status, boolean dryRun, List<Finding> findings, boolean madeSomething) {
        this.status = status;
        this.dryRun = dryRun;
        this.findings = List.copyOf(findings);
        this.madeSomething = madeSomething;
    }

    @JsonProperty
    public final Status status() {
        return status;
    }

    @Override
    @JsonProperty
    public final boolean dryRun() {
        return dryRun;
    }

    public final List<Finding> findings() {
        return findings;
    }

    @JsonProperty("findings")
    private List<Map<String, Object>> findingsJson() {
        return findings.stream().map(PolicyResult::json).collect(Collectors.toList());
    }

    /** A finding as the contract shows it. */
    static Map<String, Object> json(Finding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", finding.level().name());
        json.put("code", finding.code());
        json.put("message", finding.message());
        json.put("path", finding.path());
        return json;
    }

    /** True when a later step failed after an earlier one changed something: answered 207. */
    boolean partial() {
        return false;
    }

    @Override
    public final int httpStatus() {
        return partial() ? 207 : madeSomething ? 201 : 200;
    }
}
