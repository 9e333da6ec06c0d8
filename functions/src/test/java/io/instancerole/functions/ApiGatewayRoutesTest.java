package io.instancerole.functions;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every route, invoked as API Gateway invokes it (template.yml). */
class ApiGatewayRoutesTest extends RouteAnswers {
    @RegisterExtension
    static final CloudWorld WORLD = new CloudWorld();

    @Override
    CloudWorld world() {
        return WORLD;
    }
}
