package io.instancerole.domain.port;

import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The RAM calls the workflows make. Documents travel as JSON text, exactly as RAM stores them. */
public interface RamPort {
    Optional<CloudRole> getRole(RoleName name);

    /** Creates the role with {@code tags} in the same call, so a role is never left without them. */
    CloudRole createRole(RoleName name, String trustPolicyDocument, String description, Integer maxSessionDuration,
            Map<String, String> tags);

    /** Updates only what is not null. */
    CloudRole updateRole(RoleName name, String newDescription, Integer newMaxSessionDuration);

    /** The policy with its default version's document. */
    Optional<CloudPolicy> getPolicy(PolicyName name, PolicyType type);

    /** Creates the custom policy with {@code tags} in the same call. */
    CloudPolicy createPolicy(PolicyName name, String document, String description, Map<String, String> tags);

    /** A new version; with {@code rotate} RAM deletes the oldest non-default version at its limit of 5. Returns the version id. */
    String createPolicyVersion(PolicyName name, String document, boolean setAsDefault, boolean rotate);

    /** RAM refuses while the policy has non-default versions or attachments: delete and detach those first. */
    void deletePolicy(PolicyName name);

    List<CloudPolicyVersion> listPolicyVersions(PolicyName name);

    void deletePolicyVersion(PolicyName name, String versionId);

    List<AttachedPolicy> listPoliciesForRole(RoleName role);

    void attachPolicyToRole(PolicyName policy, PolicyType type, RoleName role);

    List<AttachedPolicy> listPoliciesForUser(UserName user);

    void attachPolicyToUser(PolicyName policy, PolicyType type, UserName user);

    void detachPolicyFromUser(PolicyName policy, PolicyType type, UserName user);

    Optional<CloudUser> getUser(UserName name);

    /** Every role of the account, in RAM's order; the adapter pages with RAM's largest page. Documents are not listed (null). */
    List<CloudRole> listRoles();

    /** Every custom policy of the account, in RAM's order; documents are not listed (null). */
    List<CloudPolicy> listCustomPolicies();

    /**
     * The tags of resources of {@code type}, keyed by resource name as RAM writes it: those named
     * in {@code names} (at most {@value #MAX_TAGGED_NAMES}; empty means every resource), and of
     * those only the ones carrying {@code withKey} when it is not null. Untagged and missing
     * resources are absent. Pages through all of RAM's answer.
     */
    Map<String, Map<String, String>> listTags(RamResourceType type, List<String> names, String withKey);

    /** RAM's limit of resource names in one ListTagResources call. */
    int MAX_TAGGED_NAMES = 50;
}
