package io.instancerole.functions.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import io.instancerole.domain.error.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("roleName", "dryRun", "maxSessionDuration", "instanceIds");

    private static ApiRequest post(String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return new ApiRequest("POST", "/v1/roles", headers, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static DomainException refused(String contentType, String body) {
        return assertThrows(DomainException.class, () -> JsonBody.parse(post(contentType, body), MAPPER, FIELDS));
    }

    @Test
    void readsTypedFields() {
        JsonBody body = JsonBody.parse(post("application/json; charset=utf-8",
                "{\"roleName\":\"team-a-web\",\"dryRun\":true,\"maxSessionDuration\":7200,\"instanceIds\":[\"i-abcd\",\"i-efgh\"]}"),
                MAPPER, FIELDS);
        assertEquals("team-a-web", body.string("roleName"));
        assertTrue(body.bool("dryRun", false));
        assertEquals(7200, body.integer("maxSessionDuration"));
        assertEquals(List.of("i-abcd", "i-efgh"), body.stringList("instanceIds"));
    }

    @Test
    void absentAndNullFieldsReadAsAbsent() {
        JsonBody body = JsonBody.parse(post("application/json", "{\"roleName\":null}"), MAPPER, FIELDS);
        assertNull(body.string("roleName"));
        assertFalse(body.bool("dryRun", false));
        assertNull(body.integer("maxSessionDuration"));
        assertNull(body.stringList("instanceIds"));
    }

    @Test
    void unknownFieldIsNamed() {
        DomainException e = refused("application/json", "{\"roleName\":\"team-a-x\",\"dryrun\":true}");
        assertEquals(ErrorCode.InvalidRequest, e.code());
        assertTrue(e.getMessage().contains("'dryrun'"), e.getMessage());
        assertEquals("dryrun", ((FieldError) e.details().get(0)).field());
    }

    @Test
    void wrongContentTypeIs415() {
        assertEquals(ErrorCode.UnsupportedMediaType, refused("text/plain", "{}").code());
        assertEquals(ErrorCode.UnsupportedMediaType, refused(null, "{}").code());
    }

    @Test
    void malformedJsonIs400WithPosition() {
        DomainException e = refused("application/json", "{\"roleName\": }");
        assertEquals(ErrorCode.InvalidRequest, e.code());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void nonObjectBodiesAreRefused() {
        assertEquals(ErrorCode.InvalidRequest, refused("application/json", "[1,2]").code());
        assertEquals(ErrorCode.InvalidRequest, refused("application/json", "").code());
        assertEquals(ErrorCode.InvalidRequest, refused("application/json", "\"text\"").code());
    }

    @Test
    void oversizedBodyIs413BeforeParsing() {
        StringBuilder big = new StringBuilder("{\"roleName\":\"");
        while (big.length() <= JsonBody.MAX_BYTES) {
            big.append("aaaaaaaaaa");
        }
        assertEquals(ErrorCode.PayloadTooLarge, refused("application/json", big.append("\"}").toString()).code());
    }

    @Test
    void wrongTypesNameTheField() {
        JsonBody body = JsonBody.parse(post("application/json",
                "{\"roleName\":5,\"dryRun\":\"yes\",\"maxSessionDuration\":1.5,\"instanceIds\":[\"i-abcd\",7]}"), MAPPER, FIELDS);
        DomainException name = assertThrows(DomainException.class, () -> body.string("roleName"));
        assertEquals(ErrorCode.InvalidParameter, name.code());
        assertTrue(name.getMessage().startsWith("roleName: must be a string, got a number"), name.getMessage());
        assertEquals(ErrorCode.InvalidParameter, assertThrows(DomainException.class, () -> body.bool("dryRun", false)).code());
        assertEquals(ErrorCode.InvalidParameter, assertThrows(DomainException.class, () -> body.integer("maxSessionDuration")).code());
        DomainException item = assertThrows(DomainException.class, () -> body.stringList("instanceIds"));
        assertTrue(item.getMessage().startsWith("instanceIds[1]: "), item.getMessage());
    }
}
