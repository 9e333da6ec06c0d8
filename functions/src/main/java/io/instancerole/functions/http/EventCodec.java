package io.instancerole.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One event format a function can be invoked with, both directions: functions read its events and
 * write its answers; the local gateway writes its events and reads its answers. One codec per
 * format, so the two sides cannot drift.
 */
public interface EventCodec {
    /** Whether {@code event} is of this format (decided on the fields that only this format has). */
    boolean fits(JsonNode event);

    /** The request the event carries; a malformed one is the platform's mistake, answered 400. */
    ApiRequest read(JsonNode event);

    /** The function's answer in the shape this format's platform reads. */
    void writeResponse(ApiResponse response, OutputStream out) throws IOException;

    /** The event the platform would send for this request. */
    byte[] writeEvent(ApiRequest request) throws IOException;

    /** Reads a function's answer as the platform does. */
    ApiResponse readResponse(byte[] answer) throws IOException;

    /** The format as an error message names it, e.g. "an API Gateway event (path, httpMethod, …)". */
    String description();
}
