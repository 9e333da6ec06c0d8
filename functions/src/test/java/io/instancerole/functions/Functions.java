package io.instancerole.functions;

import java.util.List;
import java.util.Map;

/** The eight handler classes, as the tests construct them. */
final class Functions {
    static final List<Class<? extends FunctionHandler>> CLASSES = List.of(CreateRoleFunction.class, CreatePolicyFunction.class,
            BindRoleFunction.class, UnbindRoleFunction.class, ReplaceRoleFunction.class, GrantPassRoleFunction.class,
            DescribeFunction.class, ChatOpsFunction.class);

    private Functions() {}

    /** A handler of {@code type} configured with {@code environment}, through the constructor the local stack uses. */
    static <T extends FunctionHandler> T create(Class<T> type, Map<String, String> environment) {
        try {
            return type.getConstructor(Map.class).newInstance(environment);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " has no public (Map) constructor", e);
        }
    }
}
