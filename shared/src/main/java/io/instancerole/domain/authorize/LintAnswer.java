package io.instancerole.domain.authorize;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.policy.Finding;
import io.instancerole.domain.service.ReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/policy-lint}: {@code {"findings": [...], "wouldBeRefused", "reason"?}}; a finding has {@code line}/{@code column} when placed. */
@JsonPropertyOrder({"findings", "wouldBeRefused", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class LintAnswer implements ReadResult {
    private final List<Finding> findings;
    private final FindingLocations locations;
    private final String reason;

    LintAnswer(List<Finding> findings, FindingLocations locations, String reason) {
        this.findings = List.copyOf(findings);
        this.locations = locations;
        this.reason = reason;
    }

    @JsonProperty("findings")
    List<Map<String, Object>> findingsJson() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Finding finding : findings) {
            Map<String, Object> one = PolicyResult.json(finding);
            locations.of(finding).ifPresent(at -> {
                one.put("line", at.line());
                one.put("column", at.column());
            });
            json.add(one);
        }
        return json;
    }

    public List<Finding> findings() {
        return findings;
    }

    @JsonProperty
    public boolean wouldBeRefused() {
        return reason != null;
    }

    /** The refusal's code and message, as createPolicy would answer; null when it would go ahead. */
    @JsonProperty
    public String reason() {
        return reason;
    }
}
