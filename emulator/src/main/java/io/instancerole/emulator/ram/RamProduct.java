package io.instancerole.emulator.ram;

import io.instancerole.emulator.rpc.Action;
import io.instancerole.emulator.rpc.Product;
import java.util.HashMap;
import java.util.Map;

/** RAM, version 2015-05-01. */
public final class RamProduct {
    private RamProduct() {}

    public static Product create() {
        Map<String, Action> actions = new HashMap<>();
        actions.putAll(RoleActions.all());
        actions.putAll(PolicyActions.all());
        actions.putAll(AttachmentActions.all());
        actions.putAll(UserActions.all());
        actions.putAll(TagActions.all());
        return new Product("Ram", "2015-05-01", "ram.aliyuncs.com", "NoPermission",
                "You are not authorized to do this action. You should be authorized by RAM.", actions);
    }
}
