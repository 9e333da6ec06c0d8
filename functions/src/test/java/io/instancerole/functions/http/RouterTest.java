package io.instancerole.functions.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router<String> router = new Router<>(
            Route.get("/v1/roles/{roleName}", "describeRole"),
            Route.get("/v1/instances/{instanceId}/role", "describeInstance"),
            Route.post("/v1/roles", "createRole"));

    @Test
    void matchesMethodAndTemplateAndDecodesPathParameters() {
        Router.Matched<String> matched = router.match("GET", "/v1/roles/team-a%2Dweb");
        assertEquals("describeRole", matched.route().target());
        assertEquals("team-a-web", matched.pathParameter("roleName"));
        assertEquals("GET /v1/roles/{roleName}", matched.route().name());
    }

    @Test
    void toleratesOneTrailingSlash() {
        assertEquals("createRole", router.match("POST", "/v1/roles/").route().target());
    }

    @Test
    void unknownPathIsNotFound() {
        DomainException e = assertThrows(DomainException.class, () -> router.match("GET", "/v1/nothing"));
        assertEquals(ErrorCode.NotFound, e.code());
    }

    @Test
    void emptyPathParameterDoesNotMatch() {
        DomainException e = assertThrows(DomainException.class, () -> router.match("GET", "/v1/instances//role"));
        assertEquals(ErrorCode.NotFound, e.code());
    }

    @Test
    void knownPathWithOtherMethodIsMethodNotAllowedWithAllowHeader() {
        MethodNotAllowedException e = assertThrows(MethodNotAllowedException.class, () -> router.match("DELETE", "/v1/roles"));
        assertEquals(ErrorCode.MethodNotAllowed, e.code());
        assertEquals("POST", e.allowHeader());
        ApiResponse response = new ErrorResponses(new com.fasterxml.jackson.databind.ObjectMapper()).of(e, "req-1");
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().get("Allow"));
    }

    @Test
    void malformedEscapeIsInvalidRequest() {
        DomainException e = assertThrows(DomainException.class, () -> router.match("GET", "/v1/roles/a%2"));
        assertEquals(ErrorCode.InvalidRequest, e.code());
    }
}
