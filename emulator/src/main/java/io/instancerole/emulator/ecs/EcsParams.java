package io.instancerole.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.rpc.Call;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** ECS parameter conventions: {@code MissingParameter.<Name>}, JSON-array InstanceIds, PageNumber/PageSize. */
final class EcsParams {
    static final int MAX_INSTANCE_IDS = 100;
    private static final String NEXT_TOKEN_PREFIX = "emu-";

    private EcsParams() {}

    static String required(Call call, String name) {
        String value = call.param(name);
        if (value == null) {
            throw new ApiException(400, "MissingParameter." + name,
                    "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
        }
        return value;
    }

    /** A JSON array of 0..100 instance ids (duplicates dropped), or InvalidInstanceIds.Malformed. */
    static List<String> instanceIds(String json) {
        JsonNode parsed = Json.parseOrNull(json);
        if (parsed == null || !parsed.isArray()) {
            throw malformed("InstanceIds must be a JSON array of instance ids, e.g. [\"i-1\",\"i-2\"]");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : parsed) {
            if (!id.isTextual() || id.asText().isEmpty()) {
                throw malformed("every item of InstanceIds must be a non-empty string");
            }
            ids.add(id.asText());
        }
        if (ids.size() > MAX_INSTANCE_IDS) {
            throw malformed("InstanceIds may hold at most " + MAX_INSTANCE_IDS + " ids, it holds " + ids.size());
        }
        return new ArrayList<>(ids);
    }

    /** Required, non-empty InstanceIds of at most 100 ids. */
    static List<String> requiredInstanceIds(Call call) {
        List<String> ids = instanceIds(required(call, "InstanceIds"));
        if (ids.isEmpty()) {
            throw malformed("InstanceIds must hold 1 to " + MAX_INSTANCE_IDS + " ids");
        }
        return ids;
    }

    private static ApiException malformed(String why) {
        return new ApiException(400, "InvalidInstanceIds.Malformed", "The specified instanceIds are not valid: " + why + ".");
    }

    static int pageNumber(Call call) {
        return number(call, "PageNumber", 1, 1, Integer.MAX_VALUE);
    }

    static int pageSize(Call call, int defaultSize, int maxSize) {
        return number(call, "PageSize", defaultSize, 1, maxSize);
    }

    private static int number(Call call, String name, int defaultValue, int min, int max) {
        String value = call.param(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(400, "InvalidParameter." + name,
                "The parameter " + name + " must be a number from " + min + " to " + max + ": \"" + value + "\".");
    }

    static <T> List<T> page(List<T> all, int pageNumber, int pageSize) {
        return slice(all, (long) (pageNumber - 1) * pageSize, pageSize);
    }

    static <T> List<T> slice(List<T> all, long from, int size) {
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    static int maxResults(Call call, int defaultSize, int maxSize) {
        return number(call, "MaxResults", defaultSize, 1, maxSize);
    }

    /** An opaque token for the next page: the offset it starts at, so it holds while instances are only added. */
    static String nextToken(int offset) {
        return NEXT_TOKEN_PREFIX + Integer.toHexString(offset);
    }

    /** The offset {@code NextToken} stands for; 0 without one. */
    // The code for a token the service never gave is UNVERIFIED; chosen after ECS's InvalidParameter.<Name>.
    static int nextTokenOffset(Call call) {
        String token = call.param("NextToken");
        if (token == null) {
            return 0;
        }
        if (token.startsWith(NEXT_TOKEN_PREFIX)) {
            try {
                int offset = Integer.parseInt(token.substring(NEXT_TOKEN_PREFIX.length()), 16);
                if (offset >= 0) {
                    return offset;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ApiException(400, "InvalidParameter.NextToken",
                "The specified NextToken is not valid: pass the NextToken of the previous answer unchanged.");
    }
}
