package io.instancerole.domain.port;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS calls the workflows make. Every list of ids holds 1 to {@value #MAX_IDS_PER_CALL}: the
 * domain chunks, adapters refuse more.
 */
public interface EcsPort {
    int MAX_IDS_PER_CALL = 100;

    /** The instances among {@code ids} that exist in the region; absent ids are simply missing from the answer. */
    List<CloudInstance> describeInstances(RegionId region, List<InstanceId> ids);

    /**
     * The role bound to each of {@code ids}, every id a key in request order, empty when none is
     * bound (ECS lists only instances that have a role, so this says nothing about existence: that
     * is {@link #describeInstances}'s); the adapter pages through all results.
     */
    Map<InstanceId, Optional<RoleName>> describeInstanceRamRoles(RegionId region, List<InstanceId> ids);

    /** One outcome per id, in the order of {@code ids}. {@code policy} may be null. */
    List<InstanceOutcome> attachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids, String policy);

    /** One outcome per id, in the order of {@code ids}. {@code role} may be null (detach whatever is bound). */
    List<InstanceOutcome> detachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids);
}
