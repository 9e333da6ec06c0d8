package io.instancerole.domain.authorize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.instancerole.domain.policy.Finding;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where findings are in a document sent as text, so an editor can mark the line: the finding's
 * path ({@code Statement[0].Action[2]}) mapped to the line and column of that element in the raw
 * JSON, by Jackson's token locations. An element's key when it has one, else its value; a missing
 * element is placed at the nearest enclosing element; a {@code JSON_SYNTAX} finding where the text
 * stops being JSON. A document sent as a JSON object has no text, so nothing is placed.
 */
final class FindingLocations {
    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String JSON_SYNTAX = "JSON_SYNTAX";

    private final Map<String, Location> byPath;
    private final Location syntaxError;

    private FindingLocations(Map<String, Location> byPath, Location syntaxError) {
        this.byPath = byPath;
        this.syntaxError = syntaxError;
    }

    static FindingLocations in(JsonNode document) {
        if (document == null || !document.isTextual()) {
            return new FindingLocations(Map.of(), null);
        }
        Map<String, Location> byPath = new HashMap<>();
        try (JsonParser parser = STRICT.createParser(document.textValue())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                Location at = Location.of(parser.currentTokenLocation());
                if (token == JsonToken.FIELD_NAME) {
                    byPath.put(elementPath(context), at);
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    byPath.putIfAbsent(elementPath(context.getParent()), at);
                } else if (token.isScalarValue()) {
                    byPath.putIfAbsent(elementPath(context), at);
                }
                if (context.inRoot()) { // the document's value is complete: anything after it is the syntax error
                    JsonToken trailing = parser.nextToken();
                    if (trailing != null) {
                        return new FindingLocations(byPath, Location.of(parser.currentTokenLocation()));
                    }
                    break;
                }
            }
        } catch (JsonProcessingException e) {
            return new FindingLocations(byPath, e.getLocation() == null ? null : Location.of(e.getLocation()));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail to read", e);
        }
        return new FindingLocations(byPath, null);
    }

    /** The finding's place in the text, or empty when the document was not text or the path is not in it. */
    Optional<Location> of(Finding finding) {
        if (JSON_SYNTAX.equals(finding.code()) && syntaxError != null) {
            return Optional.of(syntaxError);
        }
        String path = finding.path();
        while (true) {
            Location at = byPath.get(path);
            if (at != null || path.isEmpty()) {
                return Optional.ofNullable(at);
            }
            path = enclosing(path);
        }
    }

    /** The path of the element a context is at, in the linter's notation. */
    private static String elementPath(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String container = elementPath(context.getParent());
        if (context.inArray()) {
            return container + "[" + context.getCurrentIndex() + "]";
        }
        return container.isEmpty() ? context.getCurrentName() : container + "." + context.getCurrentName();
    }

    /** {@code Statement[0].Action} → {@code Statement[0]} → {@code Statement} → the document. */
    private static String enclosing(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.endsWith("]") ? path.lastIndexOf('[') : -1);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** A 1-based line and column. */
    static final class Location {
        private final int line;
        private final int column;

        private Location(int line, int column) {
            this.line = line;
            this.column = column;
        }

        static Location of(JsonLocation location) {
            return new Location(location.getLineNr(), location.getColumnNr());
        }

        int line() { return line; }
        int column() { return column; }
    }
}
