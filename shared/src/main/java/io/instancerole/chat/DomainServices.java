package io.instancerole.chat;

import io.instancerole.domain.authorize.PolicyService;
import io.instancerole.domain.binding.BindingService;
import io.instancerole.domain.describe.DescribeService;
import io.instancerole.domain.grant.PassRoleGrantService;
import io.instancerole.domain.role.CreateRoleService;

/** The domain services the REST handlers call, handed to the bot so that it calls the very same ones. */
public final class DomainServices {
    private final CreateRoleService createRole;
    private final PolicyService policy;
    private final BindingService binding;
    private final PassRoleGrantService grants;
    private final DescribeService describe;

    public DomainServices(CreateRoleService createRole, PolicyService policy, BindingService binding, PassRoleGrantService grants,
            DescribeService describe) {
        this.createRole = createRole;
        this.policy = policy;
        this.binding = binding;
        this.grants = grants;
        this.describe = describe;
    }

    public CreateRoleService createRole() {
        return createRole;
    }

    public PolicyService policy() {
        return policy;
    }

    public BindingService binding() {
        return binding;
    }

    public PassRoleGrantService grants() {
        return grants;
    }

    public DescribeService describe() {
        return describe;
    }
}
