package io.instancerole.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local stand-in for API Gateway's authentication: bearer tokens, each mapped to the caller id
 * and team the gateway passes on. The built-in ones, or a JSON file
 * {@code [{"token", "callerId", "callerTeam"}, …]} given with {@code --callers}.
 */
final class Callers {
    private static final Pattern TEAM = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");
    private static final Set<String> FIELDS = Set.of("token", "callerId", "callerTeam");

    private final Map<String, CallerToken> byToken;

    private Callers(List<CallerToken> callers) {
        Map<String, CallerToken> map = new LinkedHashMap<>();
        callers.forEach(c -> map.put(c.token(), c));
        this.byToken = map;
    }

    static Callers builtIn() {
        return new Callers(List.of(
                new CallerToken("dev-platform", "platform-admin", "platform"),
                new CallerToken("dev-team-a", "alice", "team-a"),
                new CallerToken("dev-team-b", "bob", "team-b")));
    }

    static Callers read(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new StartupException("--callers " + file + ": no such file");
        } catch (IOException e) {
            throw new StartupException("--callers " + file + ": not JSON: " + e.getMessage().split("\n", 2)[0]);
        }
        String expected = "--callers " + file + ": expected [{\"token\": \"…\", \"callerId\": \"…\", \"callerTeam\": \"team-x\"}, …]";
        if (root == null || !root.isArray() || root.size() == 0) {
            throw new StartupException(expected);
        }
        List<CallerToken> callers = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String where = "--callers " + file + ": entry " + i;
            if (!entry.isObject()) {
                throw new StartupException(expected);
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new StartupException(where + ": unknown field '" + name + "' (fields: token, callerId, callerTeam)");
                }
            }
            String token = entry.path("token").asText("");
            String callerId = entry.path("callerId").asText("");
            String team = entry.path("callerTeam").asText("");
            if (!TOKEN.matcher(token).matches()) {
                throw new StartupException(where + ": token must be a non-empty bearer token (letters, digits, ._~+/=-)");
            }
            if (callerId.isBlank()) {
                throw new StartupException(where + ": callerId is required");
            }
            if (!TEAM.matcher(team).matches()) {
                throw new StartupException(where + ": callerTeam must be 1-32 of a-z, 0-9 and '-', not '" + team + "'");
            }
            if (!tokens.add(token)) {
                throw new StartupException(where + ": token '" + token + "' appears twice");
            }
            callers.add(new CallerToken(token, callerId, team));
        }
        return new Callers(callers);
    }

    /** The caller of an {@code Authorization} header's value ({@code Bearer <token>}), if it names a known token. */
    Optional<CallerToken> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        return Optional.ofNullable(byToken.get(parts[1]));
    }

    List<CallerToken> all() {
        return List.copyOf(byToken.values());
    }
}
