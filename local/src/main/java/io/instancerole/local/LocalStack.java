package io.instancerole.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.instancerole.chat.ChatOpsConfig;
import io.instancerole.functions.http.ApiGatewayCodec;
import io.instancerole.functions.http.ErrorResponses;
import io.instancerole.functions.http.Route;
import io.instancerole.functions.http.Router;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * {@code serve}: the emulator (or the real cloud), the functions of template.yml with their
 * execution credentials, and the local API gateway in front of them.
 */
final class LocalStack implements Running {
    private final LocalGateway gateway;
    private final CloudTarget target;
    private final ExecutorService functionThreads;
    private final Collection<FunctionRuntime> functions;
    private final String gatewayUrl;

    private LocalStack(LocalGateway gateway, CloudTarget target, ExecutorService functionThreads, Collection<FunctionRuntime> functions,
                       String gatewayUrl) {
        this.gateway = gateway;
        this.target = target;
        this.functionThreads = functionThreads;
        this.functions = List.copyOf(functions);
        this.gatewayUrl = gatewayUrl;
    }

    static LocalStack start(ServeOptions options, Map<String, String> environment, PrintStream out, PrintStream err) {
        CloudTarget target = options.realCloud() ? AliyunTarget.fromEnvironment(environment) : null;
        ObjectMapper json = new ObjectMapper();
        Template template = Template.read(options.template());
        Callers callers = options.callers().map(file -> Callers.read(file, json)).orElseGet(Callers::builtIn);
        ChatSetup chat = options.chat();
        for (FunctionDefinition function : template.functions()) {
            LocalFunction.checkLoadable(function);
        }
        // checked first so that a taken port fails before the emulator and the functions start
        if (options.port() > 0 && !Ports.isFree(options.bind(), options.port())) {
            throw Ports.inUse(options.bind(), options.port(), "--port");
        }
        ExecutorService functionThreads = Threads.cachedPool("function");
        try {
            if (target == null) {
                target = EmulatorTarget.start(options.bind(), options.emulatorPort(), "--emulator-port", options.metadataPort(),
                        options.state(), json);
            }
            Map<String, FunctionRuntime> functions = functions(template, target, chat, options.runtime(), out, err, functionThreads);
            Router<GatewayRoute> router = router(template, functions);
            // an account kept with --state already has its instances (the demo ones or the user's own)
            if (options.demo() && target instanceof EmulatorTarget
                    && ((EmulatorTarget) target).control().state().path("instances").isEmpty()) {
                DemoAccount.create(((EmulatorTarget) target).control());
            }
            LocalGateway gateway = new LocalGateway(router, callers, new ApiGatewayCodec(json), new ErrorResponses(json), json, err);
            Ports.bind(options.bind(), options.port(), "--port", gateway::start);
            String gatewayUrl = "http://" + Banner.host(options.bind()) + ":" + gateway.port();
            out.print(Banner.serve(gatewayUrl, target, options, callers, template.routes().size()));
            out.flush();
            return new LocalStack(gateway, target, functionThreads, functions.values(), gatewayUrl);
        } catch (RuntimeException e) {
            functionThreads.shutdownNow();
            if (target != null) {
                target.close();
            }
            throw e;
        }
    }

    private static Map<String, FunctionRuntime> functions(Template template, CloudTarget target, ChatSetup chat, RuntimeOption runtime,
                                                          PrintStream out, PrintStream err, ExecutorService threads) {
        Map<String, ExecutionCredentials> credentials = new HashMap<>();
        for (ServiceDefinition service : template.services()) {
            credentials.put(service.name(), target.executionCredentials(service, err::println));
        }
        Map<String, FunctionRuntime> functions = new HashMap<>();
        for (FunctionDefinition function : template.functions()) {
            Map<String, String> environment = new HashMap<>(environment(function, target));
            if (function.environment().containsKey(ChatOpsConfig.DINGTALK_APP_SECRET)) {
                environment.putAll(chat.environment()); // the function that reads the chat variables gets them filled in
            }
            functions.put(function.name(), runtime.function(function, environment, credentials.get(function.serviceName()), out, err, threads));
        }
        return functions;
    }

    /** The template's EnvironmentVariables, plus what the target adds ({@code CLOUD_ENDPOINT} for the emulator). */
    static Map<String, String> environment(FunctionDefinition function, CloudTarget target) {
        Map<String, String> environment = new HashMap<>(function.environment());
        environment.putAll(target.functionEnvironment());
        return environment;
    }

    private static Router<GatewayRoute> router(Template template, Map<String, FunctionRuntime> functions) {
        List<Route<GatewayRoute>> routes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RouteDefinition route : template.routes()) {
            GatewayRoute target = GatewayRoute.of(route, functions.get(route.functionName()));
            if (!seen.add(route.method() + " " + route.path())) {
                throw new StartupException("template.yml: " + route.method() + " " + route.path() + " is defined twice");
            }
            if ("GET".equals(route.method())) {
                routes.add(Route.get(route.path(), target));
            } else if ("POST".equals(route.method())) {
                routes.add(Route.post(route.path(), target));
            } else {
                throw new StartupException("template.yml: " + route.method() + " " + route.path()
                        + ": the local gateway serves GET and POST routes (the API's methods)");
            }
        }
        @SuppressWarnings("unchecked")
        Route<GatewayRoute>[] array = routes.toArray(new Route[0]);
        return new Router<>(array);
    }

    String gatewayUrl() {
        return gatewayUrl;
    }

    /** The emulator this stack started; empty with {@code --cloud aliyun}. */
    Optional<EmulatorTarget> emulator() {
        return target instanceof EmulatorTarget ? Optional.of((EmulatorTarget) target) : Optional.empty();
    }

    @Override
    public void close() {
        gateway.close();
        functions.forEach(FunctionRuntime::close);
        functionThreads.shutdownNow();
        target.close();
    }
}
