package io.instancerole.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A subcommand's options ({@code --name value}, {@code --name=value}, {@code --switch}) and positional arguments. */
final class Flags {
    private final Map<String, String> values;
    private final List<String> positional;

    private Flags(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /** {@code valued}: options that take a value; {@code switches}: options that do not. */
    static Flags parse(String command, List<String> args, Set<String> valued, Set<String> switches) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (switches.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                values.put(name, "true");
            } else if (valued.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            } else {
                TreeSet<String> known = new TreeSet<>(valued);
                known.addAll(switches);
                throw new UsageException("unknown option " + name + " for '" + command + "'"
                        + (known.isEmpty() ? "" : "; its options: " + String.join(" ", known)));
            }
        }
        return new Flags(values, positional);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** A TCP port; {@code 0} picks a free one, and {@code -1} means none where {@code allowNone}. */
    int port(String name, int fallback, boolean allowNone) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            port = Integer.MIN_VALUE;
        }
        if (port < (allowNone ? -1 : 0) || port > 65535) {
            throw new UsageException(name + " must be a port number 0-65535 (0 picks a free port"
                    + (allowNone ? ", -1 none" : "") + "), not '" + text + "'");
        }
        return port;
    }

    List<String> positional() {
        return positional;
    }

    /** Fails when more positional arguments were given than the command takes. */
    void expectPositional(int max, String usage) {
        if (positional.size() > max) {
            throw new UsageException("unexpected argument '" + positional.get(max) + "'; usage: " + usage);
        }
    }
}
