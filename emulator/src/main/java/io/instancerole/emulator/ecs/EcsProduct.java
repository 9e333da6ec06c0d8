package io.instancerole.emulator.ecs;

import io.instancerole.emulator.rpc.Product;
import java.util.Map;

/** ECS, version 2014-05-26: instances and their RAM roles. */
public final class EcsProduct {
    private EcsProduct() {}

    public static Product create() {
        return new Product("Ecs", "2014-05-26", "ecs.aliyuncs.com", "Forbidden.RAM",
                "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
                Map.of(
                        "DescribeInstances", InstanceQueries::describeInstances,
                        "DescribeInstanceRamRole", InstanceQueries::describeInstanceRamRole,
                        "AttachInstanceRamRole", RoleBindings::attach,
                        "DetachInstanceRamRole", RoleBindings::detach,
                        "ModifyInstanceMetadataOptions", MetadataOptions::modify));
    }
}
