package io.instancerole.domain.describe;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.instancerole.domain.service.ReadResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page of a list: {@code {"<listName>": [...], "nextMarker"?}}. */
public final class ListResult implements ReadResult {
    private final Map<String, Object> body = new LinkedHashMap<>();

    ListResult(String listName, PageRequest.Page<?> page) {
        body.put(listName, List.copyOf(page.items));
        if (page.nextMarker != null) {
            body.put("nextMarker", page.nextMarker);
        }
    }

    @JsonAnyGetter
    public Map<String, Object> body() {
        return body;
    }

    /** {@code GET /v1/roles}: one role. */
    @JsonPropertyOrder({"roleName", "arn", "description", "createDate", "owner"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public static final class RoleItem {
        @JsonProperty final String roleName;
        @JsonProperty final String arn;
        @JsonProperty final String description;
        @JsonProperty final String createDate;
        @JsonProperty final String owner;

        RoleItem(String roleName, String arn, String description, String createDate, String owner) {
            this.roleName = roleName;
            this.arn = arn;
            this.description = description;
            this.createDate = createDate;
            this.owner = owner;
        }
    }

    /** {@code GET /v1/policies}: one custom policy. */
    @JsonPropertyOrder({"policyName", "defaultVersion", "description", "owner"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public static final class PolicyItem {
        @JsonProperty final String policyName;
        @JsonProperty final String defaultVersion;
        @JsonProperty final String description;
        @JsonProperty final String owner;

        PolicyItem(String policyName, String defaultVersion, String description, String owner) {
            this.policyName = policyName;
            this.defaultVersion = defaultVersion;
            this.description = description;
            this.owner = owner;
        }
    }

    /** {@code GET /v1/instances} and {@code GET /v1/roles/{roleName}/instances}: one instance with its role. */
    @JsonPropertyOrder({"instanceId", "instanceName", "networkType", "status", "roleName"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public static final class InstanceItem {
        @JsonProperty final String instanceId;
        @JsonProperty final String instanceName;
        @JsonProperty final String networkType;
        @JsonProperty final String status;
        @JsonProperty final String roleName;

        InstanceItem(String instanceId, String instanceName, String networkType, String status, String roleName) {
            this.instanceId = instanceId;
            this.instanceName = instanceName;
            this.networkType = networkType;
            this.status = status;
            this.roleName = roleName;
        }
    }
}
