package io.instancerole.domain.port;

import io.instancerole.domain.model.InstanceId;
import io.instancerole.domain.model.RegionId;
import io.instancerole.domain.model.RoleName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS calls the workflows make. Every list of ids holds 1 to {@value #MAX_IDS_PER_CALL}: the
 * domain chunks, adapters refuse more.
 */
public interface EcsPort {
    int MAX_IDS_PER_CALL = 100;

    /** {@code items} in consecutive chunks of at most {@value #MAX_IDS_PER_CALL}. */
    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_IDS_PER_CALL) {
            chunks.add(items.subList(from, Math.min(items.size(), from + MAX_IDS_PER_CALL)));
        }
        return chunks;
    }

    /** The instances among {@code ids} that exist in the region; absent ids are simply missing from the answer. */
    List<CloudInstance> describeInstances(RegionId region, List<InstanceId> ids);

    /**
     * The role bound to each of {@code ids}, every id a key in request order, empty when none is
     * bound (ECS lists only instances that have a role, so this says nothing about existence: that
     * is {@link #describeInstances}'s); the adapter pages through all results.
     */
    Map<InstanceId, Optional<RoleName>> describeInstanceRamRoles(RegionId region, List<InstanceId> ids);

    /**
     * Every instance of the region that carries all of {@code tags} (empty: every instance), in
     * ECS's order; the adapter pages with ECS's largest page and lets ECS filter by tag.
     */
    List<CloudInstance> listInstances(RegionId region, Map<String, String> tags);

    /** The ids of every instance of the region bound to {@code role} (ECS filters by role name), in ECS's order. */
    List<InstanceId> listInstancesWithRole(RegionId region, RoleName role);

    /** One outcome per id, in the order of {@code ids}. {@code policy} may be null. */
    List<InstanceOutcome> attachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids, String policy);

    /** One outcome per id, in the order of {@code ids}. {@code role} may be null (detach whatever is bound). */
    List<InstanceOutcome> detachInstanceRamRole(RegionId region, RoleName role, List<InstanceId> ids);
}
