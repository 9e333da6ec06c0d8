package io.instancerole.local;

import io.instancerole.emulator.client.EmulatorControl;
import io.instancerole.emulator.client.NewInstance;
import java.util.List;

/**
 * The demo account {@code serve} starts with: instances of two teams (one on the classic network,
 * which cannot take a role) and a RAM user to grant PassRole to. Fixed ids, so the README's
 * commands work as written.
 */
final class DemoAccount {
    static final String REGION = "cn-hangzhou";
    static final String USER = "deployer";
    static final List<DemoInstance> INSTANCES = List.of(
            new DemoInstance("i-demoa1", "vpc", "team-a"),
            new DemoInstance("i-demoa2", "vpc", "team-a"),
            new DemoInstance("i-demob1", "vpc", "team-b"),
            new DemoInstance("i-democlassic1", "classic", "team-a"));

    private DemoAccount() {}

    static void create(EmulatorControl control) {
        for (DemoInstance instance : INSTANCES) {
            NewInstance network = "classic".equals(instance.networkType()) ? NewInstance.classic(REGION) : NewInstance.vpc(REGION);
            control.createInstance(network.instanceId(instance.instanceId()).tag("team", instance.team())
                    .instanceName("demo-" + instance.team() + "-" + instance.networkType()));
        }
        control.createUser(USER);
    }

    /** One demo instance: its fixed id, network type and owner tag. */
    static final class DemoInstance {
        private final String instanceId;
        private final String networkType;
        private final String team;

        DemoInstance(String instanceId, String networkType, String team) {
            this.instanceId = instanceId;
            this.networkType = networkType;
            this.team = team;
        }

        String instanceId() {
            return instanceId;
        }

        String networkType() {
            return networkType;
        }

        String team() {
            return team;
        }
    }
}
