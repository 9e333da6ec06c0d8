package io.instancerole.domain.authorize;

import io.instancerole.domain.policy.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lint findings as the contract writes them in answers: {@code {"level", "code", "message", "path"}}. */
final class FindingsJson {
    private FindingsJson() {}

    static List<Map<String, String>> of(List<Finding> findings) {
        return findings.stream().map(FindingsJson::of).collect(Collectors.toList());
    }

    private static Map<String, String> of(Finding finding) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("level", finding.level().name());
        json.put("code", finding.code());
        json.put("message", finding.message());
        json.put("path", finding.path());
        return json;
    }
}
