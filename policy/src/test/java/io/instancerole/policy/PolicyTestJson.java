package io.instancerole.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Policy documents for tests, written with single quotes to keep them readable in Java strings. */
final class PolicyTestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyTestJson() {}

    static String text(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(text(singleQuoted));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + singleQuoted, e);
        }
    }

    /** {"Version":"1","Statement":[...statements]} */
    static JsonNode policy(String... statements) {
        return json("{'Version':'1','Statement':[" + String.join(",", statements) + "]}");
    }
}
