package io.instancerole.domain.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.instancerole.domain.model.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documents of {@code policy-corpus.json}: an attacker's tries with the findings they must produce, and benign ones. */
public final class PolicyCorpus {
    /** One document of the corpus. */
    public static final class Case {
        public final String name;
        public final Caller caller;
        /** A JSON object, or a JSON string holding text that is not a valid document. */
        public final JsonNode document;
        public final List<String> expected;

        Case(JsonNode entry) {
            this.name = entry.path("case").asText();
            this.caller = Caller.of("corpus", entry.path("caller").asText("team-a"));
            this.document = entry.has("text") ? TextNode.valueOf(entry.get("text").asText()) : entry.get("document");
            List<String> expected = new ArrayList<>();
            entry.path("expect").forEach(e -> expected.add(e.asText()));
            this.expected = List.copyOf(expected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final JsonNode CORPUS = read();

    private PolicyCorpus() {}

    public static Stream<Case> attacks() {
        return cases("attacks");
    }

    public static Stream<Case> benign() {
        return cases("benign");
    }

    private static Stream<Case> cases(String table) {
        List<Case> cases = new ArrayList<>();
        CORPUS.get(table).forEach(entry -> cases.add(new Case(entry)));
        return cases.stream();
    }

    private static JsonNode read() {
        try (InputStream in = PolicyCorpus.class.getResourceAsStream("/policy-corpus.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
