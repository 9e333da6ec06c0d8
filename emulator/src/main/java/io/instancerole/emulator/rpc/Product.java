package io.instancerole.emulator.rpc;

import java.util.Map;
import java.util.Optional;

/** A cloud product behind the RPC gateway, chosen by the {@code Version} parameter. */
public final class Product {
    private final String name;
    private final String version;
    private final String hostId;
    private final String deniedCode;
    private final String deniedMessage;
    private final Map<String, Action> actions;

    /**
     * @param name          as the SDK names it ({@code Ram}, {@code Ecs}, {@code Sts})
     * @param deniedCode    the code of a permission denial ({@code NoPermission}, {@code Forbidden.RAM})
     * @param deniedMessage the real service's sentence for it
     */
    public Product(String name, String version, String hostId, String deniedCode, String deniedMessage,
                   Map<String, Action> actions) {
        this.name = name;
        this.version = version;
        this.hostId = hostId;
        this.deniedCode = deniedCode;
        this.deniedMessage = deniedMessage;
        this.actions = Map.copyOf(actions);
    }

    public String name() { return name; }
    public String version() { return version; }
    public String hostId() { return hostId; }
    public String deniedCode() { return deniedCode; }
    public String deniedMessage() { return deniedMessage; }
    public Optional<Action> action(String actionName) { return Optional.ofNullable(actions.get(actionName)); }
}
