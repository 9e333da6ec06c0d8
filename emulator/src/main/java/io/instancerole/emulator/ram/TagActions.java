package io.instancerole.emulator.ram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.rpc.Action;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.state.CloudState;
import io.instancerole.emulator.state.ManagedPolicy;
import io.instancerole.emulator.state.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TagResources, UntagResources and ListTagResources on roles and policies ({@code ResourceType}
 * {@code role} | {@code policy}). Lists come as the current SDKs send them, a JSON string
 * ({@code ResourceNames=["r1"]}, {@code Tag=[{"Key":"k","Value":"v"}]}), or flat
 * ({@code ResourceNames.1}, {@code Tag.1.Key}). RAM documents these actions on "All Resources",
 * so they are authorized on {@code *}.
 */
final class TagActions {
    static final String ROLE = "role";
    static final String POLICY = "policy";
    private static final int MAX_TAGS_PER_RESOURCE = 20;
    private static final int MAX_RESOURCE_NAMES = 50;
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;
    private static final int DEFAULT_PAGE_SIZE = 100;
    /** Chosen here: RAM documents no code for a bad or excess tag. */
    private static final String INVALID_TAG = "InvalidParameter.Tag";
    private static final String TAG_LIMIT = "LimitExceeded.Tag";

    private TagActions() {}

    static Map<String, Action> all() {
        return Map.of(
                "TagResources", TagActions::tagResources,
                "UntagResources", TagActions::untagResources,
                "ListTagResources", TagActions::listTagResources);
    }

    private static ObjectNode tagResources(Call call) {
        String type = resourceType(call);
        List<String> names = requiredNames(call);
        Map<String, String> tags = requestTags(call);
        if (tags.isEmpty()) {
            throw ApiException.missingParameter("Tag");
        }
        call.authorize("ram:TagResources", "*");
        List<Tags> targets = existing(call, type, names);
        for (Tags target : targets) {
            checkCount(target, tags);
        }
        targets.forEach(t -> t.put(tags));
        return Json.object();
    }

    private static ObjectNode untagResources(Call call) {
        String type = resourceType(call);
        List<String> names = requiredNames(call);
        boolean all = RamRules.bool("All", call.param("All"));
        List<String> keys = list(call, "TagKeys", MAX_TAGS_PER_RESOURCE);
        if (!all && keys.isEmpty()) {
            throw ApiException.missingParameter("TagKeys");
        }
        call.authorize("ram:UntagResources", "*");
        for (Tags target : existing(call, type, names)) {
            if (all) {
                target.clear();
            } else {
                target.remove(keys);
            }
        }
        return Json.object();
    }

    private static List<String> requiredNames(Call call) {
        List<String> names = list(call, "ResourceNames", MAX_RESOURCE_NAMES);
        if (names.isEmpty()) {
            throw ApiException.missingParameter("ResourceNames");
        }
        return names;
    }

    /** The tags of every named resource; the first missing one fails the whole call before any change. */
    private static List<Tags> existing(Call call, String type, List<String> names) {
        List<Tags> targets = new ArrayList<>();
        for (String name : names) {
            targets.add(ROLE.equals(type) ? RoleActions.existing(call, name).tags()
                    : PolicyActions.existing(call, ManagedPolicy.CUSTOM, name).tags());
        }
        return targets;
    }

    /**
     * One entry per tag of each resource that matches: named in {@code ResourceNames} (when given)
     * and carrying every {@code Tag} filter (a filter without a value matches any value of its key).
     */
    private static ObjectNode listTagResources(Call call) {
        String type = resourceType(call);
        List<String> names = list(call, "ResourceNames", MAX_RESOURCE_NAMES);
        Map<String, String> filters = tagFilters(call);
        int pageSize = pageSize(call);
        int start = nextToken(call);
        call.authorize("ram:ListTagResources", "*");
        CloudState state = call.state();
        Map<String, Tags> candidates = new LinkedHashMap<>();
        if (ROLE.equals(type)) {
            state.roles().forEach(r -> candidates.put(r.name(), r.tags()));
        } else {
            state.customPolicies().forEach(p -> candidates.put(p.name(), p.tags()));
        }
        List<ObjectNode> entries = new ArrayList<>();
        candidates.forEach((name, tags) -> {
            Map<String, String> all = tags.asMap();
            if ((names.isEmpty() || names.stream().anyMatch(name::equalsIgnoreCase)) && matches(all, filters)) {
                all.forEach((key, value) -> entries.add(Json.object().put("ResourceType", type).put("ResourceName", name)
                        .put("TagKey", key).put("TagValue", value)));
            }
        });
        ObjectNode body = Json.object();
        int end = Math.min(entries.size(), start + pageSize);
        if (end < entries.size()) {
            body.put("NextToken", Integer.toString(end));
        }
        ArrayNode page = body.putArray("TagResources");
        entries.subList(Math.min(start, entries.size()), end).forEach(page::add);
        return body;
    }

    /**
     * The {@code Tag} list of a request (TagResources, CreateRole, CreatePolicy): keys 1-128
     * characters not starting with {@code acs:} or {@code aliyun}, values up to 256.
     */
    static Map<String, String> requestTags(Call call) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : tagList(call).entrySet()) {
            String key = tag.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || lower.startsWith("acs:") || lower.startsWith("aliyun")) {
                throw ApiException.invalidParameter(INVALID_TAG, "The tag key \"" + key + "\" must be 1 to " + MAX_KEY_LENGTH
                        + " characters and must not start with acs: or aliyun.");
            }
            if (tag.getValue() == null || tag.getValue().length() > MAX_VALUE_LENGTH) {
                throw ApiException.invalidParameter(INVALID_TAG, "The value of tag \"" + key + "\" must be at most "
                        + MAX_VALUE_LENGTH + " characters.");
            }
            tags.put(key, tag.getValue());
        }
        if (tags.size() > MAX_TAGS_PER_RESOURCE) {
            throw new ApiException(400, TAG_LIMIT, "At most " + MAX_TAGS_PER_RESOURCE + " tags may be given at once.");
        }
        return tags;
    }

    /** Tags given on CreateRole/CreatePolicy need ram:TagResources too (chosen here, as other clouds do). */
    static void authorizeTagsOnCreate(Call call, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            call.authorize("ram:TagResources", "*");
        }
    }

    private static void checkCount(Tags target, Map<String, String> added) {
        if (target.countWith(added) > MAX_TAGS_PER_RESOURCE) {
            throw new ApiException(400, TAG_LIMIT, "A resource may have at most " + MAX_TAGS_PER_RESOURCE + " tags.");
        }
    }

    private static boolean matches(Map<String, String> tags, Map<String, String> filters) {
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String value = tags.get(filter.getKey());
            if (value == null || (filter.getValue() != null && !filter.getValue().equals(value))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> tagFilters(Call call) {
        Map<String, String> filters = tagList(call);
        if (filters.containsKey("")) {
            throw ApiException.invalidParameter(INVALID_TAG, "A tag filter needs a Key.");
        }
        return filters;
    }

    /** Key to value (null when the request gave none), from {@code Tag} as JSON or {@code Tag.N.Key}/{@code Tag.N.Value}. */
    private static Map<String, String> tagList(Call call) {
        Map<String, String> tags = new LinkedHashMap<>();
        String json = call.param("Tag");
        if (json != null) {
            JsonNode parsed = Json.parseOrNull(json);
            if (parsed == null || !parsed.isArray()) {
                throw ApiException.invalidParameter(INVALID_TAG, "The parameter Tag must be a JSON array of {\"Key\",\"Value\"}.");
            }
            for (JsonNode tag : parsed) {
                JsonNode value = tag.get("Value");
                tags.put(tag.path("Key").asText(""), value == null || value.isNull() ? null : value.asText());
            }
            return tags;
        }
        for (int n = 1; call.param("Tag." + n + ".Key") != null || call.param("Tag." + n + ".Value") != null; n++) {
            String key = call.param("Tag." + n + ".Key");
            tags.put(key == null ? "" : key, call.param("Tag." + n + ".Value"));
        }
        return tags;
    }

    /** A list parameter as a JSON array string, or {@code name.1}, {@code name.2}, … */
    private static List<String> list(Call call, String name, int max) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        String json = call.param(name);
        if (json != null) {
            JsonNode parsed = Json.parseOrNull(json);
            if (parsed == null || !parsed.isArray()) {
                throw ApiException.invalidParameter("InvalidParameter." + name, "The parameter " + name
                        + " must be a JSON array of strings.");
            }
            parsed.forEach(item -> items.add(item.asText()));
        } else {
            for (int n = 1; call.param(name + "." + n) != null; n++) {
                items.add(call.param(name + "." + n));
            }
        }
        if (items.size() > max) {
            throw ApiException.invalidParameter("InvalidParameter." + name, "The parameter " + name + " may hold at most "
                    + max + " items.");
        }
        return new ArrayList<>(items);
    }

    private static String resourceType(Call call) {
        String type = call.required("ResourceType");
        if (!ROLE.equals(type) && !POLICY.equals(type)) {
            throw ApiException.invalidParameter("InvalidParameter.ResourceType",
                    "The parameter ResourceType must be \"role\" or \"policy\": \"" + type + "\".");
        }
        return type;
    }

    private static int pageSize(Call call) {
        String value = call.param("PageSize");
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= 100) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidParameter("InvalidParameter.PageSize", "The parameter PageSize must be 1 to 100: \"" + value + "\".");
    }

    /** Chosen here: the token is the offset of the next entry, opaque to clients. */
    private static int nextToken(Call call) {
        String token = call.param("NextToken");
        if (token == null) {
            return 0;
        }
        Optional<Integer> offset = Optional.empty();
        try {
            offset = Optional.of(Integer.parseInt(token)).filter(n -> n >= 0);
        } catch (NumberFormatException e) {
            // reported below
        }
        return offset.orElseThrow(() -> ApiException.invalidParameter("InvalidParameter.NextToken",
                "The parameter NextToken is not one this service returned: \"" + token + "\"."));
    }
}
