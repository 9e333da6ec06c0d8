package io.instancerole.emulator.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code POST /_emulator/instances} creates: {@code NewInstance.vpc("cn-hangzhou").tag("team", "team-a")}. */
public final class NewInstance {
    private final String regionId;
    private final String networkType;
    private final String instanceId;
    private final String status;
    private final String instanceName;
    private final Map<String, String> tags;

    private NewInstance(String regionId, String networkType, String instanceId, String status, String instanceName,
                        Map<String, String> tags) {
        this.regionId = regionId;
        this.networkType = networkType;
        this.instanceId = instanceId;
        this.status = status;
        this.instanceName = instanceName;
        this.tags = tags;
    }

    public static NewInstance vpc(String regionId) {
        return new NewInstance(regionId, "vpc", null, null, null, Map.of());
    }

    public static NewInstance classic(String regionId) {
        return new NewInstance(regionId, "classic", null, null, null, Map.of());
    }

    public NewInstance instanceId(String id) {
        return new NewInstance(regionId, networkType, id, status, instanceName, tags);
    }

    /** {@code Pending}, {@code Running} (the default), {@code Starting}, {@code Stopping} or {@code Stopped}. */
    public NewInstance status(String newStatus) {
        return new NewInstance(regionId, networkType, instanceId, newStatus, instanceName, tags);
    }

    public NewInstance instanceName(String name) {
        return new NewInstance(regionId, networkType, instanceId, status, name, tags);
    }

    public NewInstance tag(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tags);
        more.put(key, value);
        return new NewInstance(regionId, networkType, instanceId, status, instanceName, more);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("regionId", regionId);
        json.put("networkType", networkType);
        if (instanceId != null) {
            json.put("instanceId", instanceId);
        }
        if (status != null) {
            json.put("status", status);
        }
        if (instanceName != null) {
            json.put("instanceName", instanceName);
        }
        ObjectNode tagJson = json.putObject("tags");
        tags.forEach(tagJson::put);
        return json;
    }
}
