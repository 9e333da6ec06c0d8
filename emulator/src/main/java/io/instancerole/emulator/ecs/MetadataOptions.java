package io.instancerole.emulator.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.instancerole.emulator.core.ApiException;
import io.instancerole.emulator.core.Json;
import io.instancerole.emulator.rpc.Call;
import io.instancerole.emulator.state.Instance;
import java.util.Set;

/** ModifyInstanceMetadataOptions: hardened mode ({@code HttpTokens}) and the metadata endpoint of one instance. */
final class MetadataOptions {
    private static final Set<String> TOKENS = Set.of(Instance.HTTP_TOKENS_OPTIONAL, Instance.HTTP_TOKENS_REQUIRED);
    private static final Set<String> ENDPOINTS = Set.of(Instance.HTTP_ENDPOINT_ENABLED, Instance.HTTP_ENDPOINT_DISABLED);

    private MetadataOptions() {}

    static ObjectNode modify(Call call) {
        String region = EcsParams.required(call, "RegionId");
        String id = EcsParams.required(call, "InstanceId");
        String tokens = oneOf(call, "HttpTokens", TOKENS);
        String endpoint = oneOf(call, "HttpEndpoint", ENDPOINTS);
        call.authorize("ecs:ModifyInstanceMetadataOptions", RoleBindings.instanceResource(call, region, id),
                RoleBindings.tagContext(call, region, id));
        Instance instance = RoleBindings.instance(call, region, id).orElseThrow(() -> RoleBindings.notFound(id));
        // an option not given keeps its value, as ECS documents
        instance.setMetadataOptions(tokens == null ? instance.httpTokens() : tokens,
                endpoint == null ? instance.httpEndpoint() : endpoint);
        return Json.object();
    }

    /** {@code {"HttpEndpoint", "HttpTokens", "HttpPutResponseHopLimit"}}, as DescribeInstances shows them. */
    static ObjectNode json(Instance instance) {
        ObjectNode json = Json.object();
        json.put("HttpEndpoint", instance.httpEndpoint());
        json.put("HttpTokens", instance.httpTokens());
        json.put("HttpPutResponseHopLimit", 1);
        return json;
    }

    // The code for a value outside the documented ones is UNVERIFIED; chosen here after ECS's
    // InvalidParameter.<Name> pattern.
    private static String oneOf(Call call, String name, Set<String> allowed) {
        String value = call.param(name);
        if (value != null && !allowed.contains(value)) {
            throw new ApiException(400, "InvalidParameter." + name,
                    "The parameter " + name + " must be one of " + allowed + ": \"" + value + "\".");
        }
        return value;
    }
}
