package io.instancerole.emulator.http;

/** Answers one request; called on a worker thread, so it may block. */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request);
}
