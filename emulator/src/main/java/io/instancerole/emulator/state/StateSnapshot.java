package io.instancerole.emulator.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.instancerole.emulator.core.EmulatorClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The account as {@code --state FILE} keeps it, bound by Jackson: the account id and root key,
 * roles and custom policies (with their versions and tags), users and their keys, attachments, instances with
 * their bindings and metadata options, and STS sessions (so credentials handed out stay valid
 * across a restart). Not kept: settings, faults, the call log, nonces, metadata tokens. A new
 * piece of state is one more field here and one line in each direction. Times are ISO-8601.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StateSnapshot {
    public int format = 1;
    public String accountId;
    public Key rootKey;
    public List<RoleData> roles = new ArrayList<>();
    public List<PolicyData> policies = new ArrayList<>();
    public List<UserData> users = new ArrayList<>();
    public List<Key> userKeys = new ArrayList<>();
    public List<AttachmentData> attachments = new ArrayList<>();
    public List<InstanceData> instances = new ArrayList<>();
    public List<SessionData> sessions = new ArrayList<>();
    public String selectedMetadataInstance;
    public String lastBoundInstance;

    /** Taken under the state lock. */
    public static StateSnapshot of(CloudState state) {
        StateSnapshot snapshot = new StateSnapshot();
        snapshot.accountId = state.accountId();
        snapshot.rootKey = Key.of(state.rootKey());
        state.roles().forEach(r -> snapshot.roles.add(RoleData.of(r)));
        state.customPolicies().forEach(p -> snapshot.policies.add(PolicyData.of(p)));
        state.users().forEach(u -> snapshot.users.add(UserData.of(u)));
        state.userKeys().forEach(k -> snapshot.userKeys.add(Key.of(k)));
        state.attachments().forEach(a -> snapshot.attachments.add(AttachmentData.of(a)));
        state.instances().forEach(i -> snapshot.instances.add(InstanceData.of(i)));
        // an expired session can never be used again: not worth keeping
        state.sessions().stream().filter(s -> !s.expired(state.now()))
                .forEach(s -> snapshot.sessions.add(SessionData.of(s)));
        snapshot.selectedMetadataInstance = state.selectedMetadataInstance().orElse(null);
        snapshot.lastBoundInstance = state.lastBoundInstance();
        return snapshot;
    }

    /** The account this snapshot describes, with the given clock and the system policies. */
    public CloudState toState(EmulatorClock clock, Collection<ManagedPolicy> systemPolicies) {
        CloudState state = new CloudState(accountId, rootKey.toKey(), clock, systemPolicies);
        roles.forEach(r -> state.putRole(r.toRole()));
        policies.forEach(p -> state.putCustomPolicy(p.toPolicy()));
        users.forEach(u -> state.putUser(u.toUser()));
        userKeys.forEach(k -> state.putUserKey(k.toKey()));
        attachments.forEach(a -> state.addAttachment(a.toAttachment()));
        Map<String, Session> sessionsById = new LinkedHashMap<>();
        sessions.forEach(s -> sessionsById.put(s.accessKeyId, s.toSession()));
        sessionsById.values().forEach(state::putSession);
        instances.forEach(i -> state.putInstance(i.toInstance(sessionsById)));
        state.selectMetadataInstance(selectedMetadataInstance);
        state.recordBinding(lastBoundInstance);
        return state;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Key {
        public String id;
        public String secret;
        public String userName;

        static Key of(AccessKey key) {
            Key data = new Key();
            data.id = key.id();
            data.secret = key.secret();
            data.userName = key.userName();
            return data;
        }

        AccessKey toKey() {
            return new AccessKey(id, secret, userName);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class RoleData {
        public String name;
        public String id;
        public String arn;
        public String description;
        public String trustDocument;
        public long maxSessionDuration;
        public String createDate;
        public String updateDate;
        public String visibleToEcsAt;
        public Map<String, String> tags = new LinkedHashMap<>();

        static RoleData of(Role role) {
            RoleData data = new RoleData();
            data.name = role.name();
            data.id = role.id();
            data.arn = role.arn();
            data.description = role.description();
            data.trustDocument = role.trustDocument();
            data.maxSessionDuration = role.maxSessionDuration();
            data.createDate = time(role.createDate());
            data.updateDate = time(role.updateDate());
            data.visibleToEcsAt = time(role.visibleToEcsAt());
            data.tags.putAll(role.tags().asMap());
            return data;
        }

        Role toRole() {
            Role role = new Role(name, id, arn, description, trustDocument, maxSessionDuration, instant(createDate),
                    instant(visibleToEcsAt));
            role.update(description, trustDocument, maxSessionDuration, instant(updateDate));
            role.tags().put(tags);
            return role;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class PolicyData {
        public String name;
        public String description;
        public String createDate;
        public String updateDate;
        public String defaultVersionId;
        public int lastVersionNumber;
        public List<VersionData> versions = new ArrayList<>();
        public Map<String, String> tags = new LinkedHashMap<>();

        static PolicyData of(ManagedPolicy policy) {
            PolicyData data = new PolicyData();
            data.name = policy.name();
            data.description = policy.description();
            data.createDate = time(policy.createDate());
            data.updateDate = time(policy.updateDate());
            data.defaultVersionId = policy.defaultVersionId();
            data.lastVersionNumber = policy.lastVersionNumber();
            policy.versions().forEach(v -> data.versions.add(VersionData.of(v)));
            data.tags.putAll(policy.tags().asMap());
            return data;
        }

        ManagedPolicy toPolicy() {
            ManagedPolicy policy = ManagedPolicy.restore(name, ManagedPolicy.CUSTOM, description, instant(createDate),
                    instant(updateDate), defaultVersionId, lastVersionNumber,
                    versions.stream().map(VersionData::toVersion).collect(Collectors.toList()));
            policy.tags().put(tags);
            return policy;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class VersionData {
        public String id;
        public String document;
        public String createDate;

        static VersionData of(PolicyVersion version) {
            VersionData data = new VersionData();
            data.id = version.id();
            data.document = version.document();
            data.createDate = time(version.createDate());
            return data;
        }

        PolicyVersion toVersion() {
            return new PolicyVersion(id, document, instant(createDate));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class UserData {
        public String name;
        public String id;
        public String displayName;
        public String email;
        public String mobilePhone;
        public String comments;
        public String createDate;

        static UserData of(User user) {
            UserData data = new UserData();
            data.name = user.name();
            data.id = user.id();
            data.displayName = user.displayName();
            data.email = user.email();
            data.mobilePhone = user.mobilePhone();
            data.comments = user.comments();
            data.createDate = time(user.createDate());
            return data;
        }

        User toUser() {
            return new User(name, id, displayName, email, mobilePhone, comments, instant(createDate));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class AttachmentData {
        public String policyType;
        public String policyName;
        public String principalType;
        public String principalName;
        public String attachDate;

        static AttachmentData of(Attachment attachment) {
            AttachmentData data = new AttachmentData();
            data.policyType = attachment.policyType();
            data.policyName = attachment.policyName();
            data.principalType = attachment.principalType();
            data.principalName = attachment.principalName();
            data.attachDate = time(attachment.attachDate());
            return data;
        }

        Attachment toAttachment() {
            return new Attachment(policyType, policyName, principalType, principalName, instant(attachDate));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class InstanceData {
        public String id;
        public String regionId;
        public String networkType;
        public String status;
        public String name;
        public Map<String, String> tags = new LinkedHashMap<>();
        public String privateIp;
        public String creationTime;
        public String ramRoleName;
        public String ramRolePolicy;
        public String metadataSessionKeyId;
        public String httpTokens = Instance.HTTP_TOKENS_OPTIONAL;
        public String httpEndpoint = Instance.HTTP_ENDPOINT_ENABLED;

        static InstanceData of(Instance instance) {
            InstanceData data = new InstanceData();
            data.id = instance.id();
            data.regionId = instance.regionId();
            data.networkType = instance.networkType();
            data.status = instance.status();
            data.name = instance.name();
            data.tags.putAll(instance.tags());
            data.privateIp = instance.privateIp();
            data.creationTime = time(instance.creationTime());
            data.ramRoleName = instance.ramRoleName();
            data.ramRolePolicy = instance.ramRolePolicy();
            data.metadataSessionKeyId = instance.metadataSession() == null ? null : instance.metadataSession().accessKeyId();
            data.httpTokens = instance.httpTokens();
            data.httpEndpoint = instance.httpEndpoint();
            return data;
        }

        Instance toInstance(Map<String, Session> sessions) {
            Instance instance = new Instance(id, regionId, networkType, status, name, tags, privateIp, instant(creationTime));
            if (ramRoleName != null) {
                instance.bindRole(ramRoleName, ramRolePolicy);
            }
            instance.setMetadataSession(metadataSessionKeyId == null ? null : sessions.get(metadataSessionKeyId));
            instance.setMetadataOptions(httpTokens, httpEndpoint);
            return instance;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SessionData {
        public String accessKeyId;
        public String accessKeySecret;
        public String securityToken;
        public String roleName;
        public String roleId;
        public String sessionName;
        public String policy;
        public String issuedAt;
        public String expiration;

        static SessionData of(Session session) {
            SessionData data = new SessionData();
            data.accessKeyId = session.accessKeyId();
            data.accessKeySecret = session.accessKeySecret();
            data.securityToken = session.securityToken();
            data.roleName = session.roleName();
            data.roleId = session.roleId();
            data.sessionName = session.sessionName();
            data.policy = session.policy();
            data.issuedAt = time(session.issuedAt());
            data.expiration = time(session.expiration());
            return data;
        }

        Session toSession() {
            return new Session(accessKeyId, accessKeySecret, securityToken, roleName, roleId, sessionName, policy,
                    instant(issuedAt), instant(expiration));
        }
    }
}
