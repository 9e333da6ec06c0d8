package io.instancerole.runtime;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * A handler as Function Compute names it, {@code <package>.<Class>::<method>}, and the class it
 * names: the built-in Java runtime's convention, kept by the custom runtime and the local stack.
 */
public final class HandlerReference {
    private final String className;

    private HandlerReference(String className) {
        this.className = className;
    }

    /** The reference, or IllegalArgumentException saying the form it must have. */
    public static HandlerReference parse(String reference, String method) {
        int separator = reference == null ? -1 : reference.indexOf("::");
        if (separator <= 0 || !reference.substring(separator + 2).equals(method)) {
            throw new IllegalArgumentException("'" + reference + "' must read <package>.<Class>::" + method);
        }
        return new HandlerReference(reference.substring(0, separator));
    }

    /** The named class, checked to be a {@code kind}; IllegalArgumentException when it is missing or of another kind. */
    public Class<?> load(Class<?> kind) {
        Class<?> type;
        try {
            type = Class.forName(className, false, HandlerReference.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " in the functions package");
        }
        if (!kind.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + kind.getName());
        }
        return type;
    }

    /** A new handler object; it receives its environment variables through a {@code Map} constructor when it has one. */
    public static Object instantiate(Class<?> type, Map<String, String> environment) throws Exception {
        try {
            return type.getConstructor(Map.class).newInstance(environment);
        } catch (NoSuchMethodException e) {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }
}
