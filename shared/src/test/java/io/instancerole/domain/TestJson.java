package io.instancerole.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.service.Json;
import java.util.ArrayList;
import java.util.List;

/** How a result looks on the wire, for tests of the contract's shapes. */
public final class TestJson {
    private TestJson() {}

    public static JsonNode of(Object result) {
        return Json.MAPPER.valueToTree(result);
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
