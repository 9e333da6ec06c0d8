package io.instancerole.domain.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reading and writing policy text, strictly: a duplicated key or text after the document is an error, not a guess. */
final class PolicyJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PolicyJson() {}

    /** The parsed text; a MissingNode for empty text. */
    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    static Optional<JsonNode> tryParse(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(parse(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static String minify(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree always serializes
        }
    }

    /** What is wrong and where, for a person fixing the text by hand. */
    static String describe(JsonProcessingException e) {
        String what = e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")
                ? "unexpected text after the end of the document"
                : e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "the document is not valid JSON: " + what + where
                + ". Check for a missing comma, quote or bracket, or a key written twice.";
    }
}
