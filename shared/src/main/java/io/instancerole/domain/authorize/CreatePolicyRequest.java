package io.instancerole.domain.authorize;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.service.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code POST /v1/policies}: {@code {"policyName", "description"?, "document", "attachToRoles"?}}. */
public final class CreatePolicyRequest {
    /** At most this many roles per request, as for PassRole grants. */
    public static final int MAX_ATTACH_TO_ROLES = 20;

    private final PolicyName policyName;
    private final String description;
    private final JsonNode document;
    private final List<RoleName> attachToRoles;

    private CreatePolicyRequest(PolicyName policyName, String description, JsonNode document, List<RoleName> attachToRoles) {
        this.policyName = Objects.requireNonNull(policyName, "policyName");
        this.description = description;
        this.document = document;
        this.attachToRoles = attachToRoles;
    }

    /**
     * {@code document} is the JSON object, or a JSON string holding the document's text (the
     * linter reads both); {@code description} may be null; {@code attachToRoles} may be null or
     * empty, and lists each role once.
     */
    public static CreatePolicyRequest of(PolicyName policyName, String description, JsonNode document, List<RoleName> attachToRoles) {
        checkDocument(document);
        List<RoleName> roles = attachToRoles == null ? List.of()
                : Checks.distinctList("attachToRoles", attachToRoles, 0, MAX_ATTACH_TO_ROLES);
        return new CreatePolicyRequest(policyName, Checks.description("description", description), document.deepCopy(), roles);
    }

    /** The {@code document} field's rule, for createPolicy and policy-lint alike. */
    static void checkDocument(JsonNode document) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            throw DomainException.invalidParameter("document", "is required: the policy document as a JSON object or a JSON string");
        }
        if (!document.isObject() && !document.isTextual()) {
            throw DomainException.invalidParameter("document", "must be a JSON object or a JSON string holding the document");
        }
    }

    public PolicyName policyName() {
        return policyName;
    }

    public String description() {
        return description;
    }

    public JsonNode document() {
        return document.deepCopy();
    }

    public List<RoleName> attachToRoles() {
        return attachToRoles;
    }

    public Map<String, Object> auditTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("policyName", policyName.value());
        target.put("attachToRoles", attachToRoles.stream().map(RoleName::value).collect(Collectors.toList()));
        return target;
    }
}
