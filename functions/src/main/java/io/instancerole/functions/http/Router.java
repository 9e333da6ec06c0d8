package io.instancerole.functions.http;

import io.instancerole.domain.error.DomainException;
import io.instancerole.domain.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Routes a request within one function by method and path: an unknown path is 404 NotFound, a
 * known path with another method 405 MethodNotAllowed naming the allowed ones.
 */
public final class Router<T> {
    private final List<Route<T>> routes;

    @SafeVarargs
    public Router(Route<T>... routes) {
        this.routes = List.of(routes);
    }

    public List<Route<T>> routes() {
        return routes;
    }

    public Matched<T> match(String method, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route<T> route : routes) {
            Optional<Map<String, String>> parameters = route.match(path);
            if (parameters.isPresent()) {
                if (route.method().equals(method)) {
                    return new Matched<>(route, parameters.get());
                }
                allowed.add(route.method());
            }
        }
        if (allowed.isEmpty()) {
            throw new DomainException(ErrorCode.NotFound, "no route " + method + " " + path + " in this API");
        }
        throw new MethodNotAllowedException(method, path, allowed);
    }

    /** A route that fits a request, with the path parameters it carried. */
    public static final class Matched<T> {
        private final Route<T> route;
        private final Map<String, String> pathParameters;

        Matched(Route<T> route, Map<String, String> pathParameters) {
            this.route = route;
            this.pathParameters = pathParameters;
        }

        public Route<T> route() {
            return route;
        }

        public String pathParameter(String name) {
            return pathParameters.get(name);
        }
    }
}
