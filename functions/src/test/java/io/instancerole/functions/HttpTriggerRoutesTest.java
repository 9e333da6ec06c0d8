package io.instancerole.functions;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every route, invoked as Function Compute 3.0's HTTP trigger invokes it (s.yaml). */
class HttpTriggerRoutesTest extends RouteAnswers {
    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld(EventFormat.HTTP_TRIGGER);

    @Override
    CloudWorld world() {
        return WORLD;
    }
}
