package io.instancerole.local;

import io.instancerole.functions.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference page ({@code web/} of the repository, packed into this jar under {@code /web/}),
 * served as any static web server would: {@code /} is {@code index.html}. Knows nothing of the
 * HTTP server in front of it: it answers a path with a response or nothing.
 */
final class StaticSite {
    private static final String ROOT = "/web";
    /** Plain file names in at most one folder: no {@code ..}, no hidden files. */
    private static final Pattern SAFE_PATH = Pattern.compile("/([a-zA-Z0-9_-][a-zA-Z0-9._-]*/)?[a-zA-Z0-9_-][a-zA-Z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json; charset=utf-8");

    /** The file at {@code path}; empty when there is none (the caller answers 404 as for any unknown path). */
    Optional<ApiResponse> get(String path) {
        String file = "/".equals(path) ? "/index.html" : path;
        if (!SAFE_PATH.matcher(file).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticSite.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", type);
            headers.put("Cache-Control", "no-cache");
            headers.put("X-Content-Type-Options", "nosniff");
            return Optional.of(new ApiResponse(200, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ROOT + file + " from the jar", e);
        }
    }
}
