package io.instancerole.domain.port;

import io.instancerole.domain.model.PolicyName;
import io.instancerole.domain.model.PolicyType;
import io.instancerole.domain.model.RoleName;
import io.instancerole.domain.model.UserName;
import java.util.List;
import java.util.Optional;

/** The RAM calls the workflows make. Documents travel as JSON text, exactly as RAM stores them. */
public interface RamPort {
    Optional<CloudRole> getRole(RoleName name);

    CloudRole createRole(RoleName name, String trustPolicyDocument, String description, Integer maxSessionDuration);

    /** Updates only what is not null. */
    CloudRole updateRole(RoleName name, String newDescription, Integer newMaxSessionDuration);

    /** The policy with its default version's document. */
    Optional<CloudPolicy> getPolicy(PolicyName name, PolicyType type);

    CloudPolicy createPolicy(PolicyName name, String document, String description);

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
}
