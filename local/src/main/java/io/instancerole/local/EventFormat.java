package io.instancerole.local;

import io.instancerole.functions.http.EventCodec;
import io.instancerole.functions.http.EventCodecs;

/** The event format a deployment file's platform invokes the functions with. */
enum EventFormat {
    /** template.yml: API Gateway in front of the functions. */
    API_GATEWAY,
    /** s.yaml: Function Compute 3.0's HTTP triggers. */
    HTTP_TRIGGER;

    EventCodec codec(EventCodecs codecs) {
        return this == API_GATEWAY ? codecs.apiGateway() : codecs.httpTrigger();
    }
}
