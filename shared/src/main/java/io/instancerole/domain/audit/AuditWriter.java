package io.instancerole.domain.audit;

import io.instancerole.domain.service.Json;
import io.instancerole.domain.service.LogSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes audit events as one JSON line each. Nothing secret is put into an event, and as a second
 * line of defence any value under a key that names a secret is masked.
 */
public final class AuditWriter {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(secret|token|signature|password|credential).*");
    private static final String MASK = "***";

    public void write(AuditEvent event, LogSink sink) {
        sink.info(render(event));
    }

    /** The event as one line of JSON. */
    public String render(AuditEvent event) {
        Map<String, Object> tree = Json.MAPPER.convertValue(event, Json.MAP_TYPE);
        return Json.write(mask(tree));
    }

    @SuppressWarnings("unchecked")
    private static Object mask(Object value) {
        if (value instanceof Map) {
            Map<String, Object> masked = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((key, inner) ->
                    masked.put(key, SECRET_KEY.matcher(key).matches() ? MASK : mask(inner)));
            return masked;
        }
        if (value instanceof List) {
            List<Object> masked = new ArrayList<>();
            ((List<Object>) value).forEach(inner -> masked.add(mask(inner)));
            return masked;
        }
        return value;
    }
}
