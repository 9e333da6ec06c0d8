package io.instancerole.functions;

/** The event formats the functions are invoked with: API Gateway's (template.yml) and the HTTP trigger's (s.yaml). */
enum EventFormat {
    API_GATEWAY,
    HTTP_TRIGGER
}
