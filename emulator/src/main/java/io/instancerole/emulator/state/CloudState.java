package io.instancerole.emulator.state;

import io.instancerole.emulator.core.EmulatorClock;
import io.instancerole.emulator.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the emulated account holds. Not thread-safe by itself: every reader and writer holds
 * the monitor of this object ({@code synchronized (state)}), which makes calls linearizable.
 */
public final class CloudState {
    private final String accountId;
    private final AccessKey rootKey;
    private final EmulatorClock clock;
    private final Map<String, ManagedPolicy> systemPolicies = new LinkedHashMap<>();

    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> customPolicies = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, AccessKey> userKeys = new LinkedHashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, MetadataToken> metadataTokens = new LinkedHashMap<>();
    private final Faults faults = new Faults();
    private final CallLog calls = new CallLog();
    private Settings settings = new Settings();
    private String selectedMetadataInstance;
    private String lastBoundInstance;

    public CloudState(String accountId, AccessKey rootKey, EmulatorClock clock, Collection<ManagedPolicy> systemPolicies) {
        this.accountId = accountId;
        this.rootKey = rootKey;
        this.clock = clock;
        systemPolicies.forEach(p -> this.systemPolicies.put(p.name(), p));
    }

    public String accountId() { return accountId; }
    public AccessKey rootKey() { return rootKey; }
    public EmulatorClock clock() { return clock; }
    public Instant now() { return clock.now(); }
    public Settings settings() { return settings; }
    public Faults faults() { return faults; }
    public CallLog calls() { return calls; }

    /** Back to an empty account: system policies, the root key and the account id remain. */
    public void reset() {
        roles.clear();
        customPolicies.clear();
        users.clear();
        userKeys.clear();
        attachments.clear();
        instances.clear();
        sessions.clear();
        metadataTokens.clear();
        faults.clear();
        calls.clear();
        settings = new Settings();
        clock.setOffset(Duration.ZERO);
        selectedMetadataInstance = null;
        lastBoundInstance = null;
    }

    // ---- roles: names are case-insensitive in RAM

    public Optional<Role> role(String name) { return Optional.ofNullable(roles.get(key(name))); }
    public List<Role> roles() { return new ArrayList<>(roles.values()); }
    public void putRole(Role role) { roles.put(key(role.name()), role); }
    public void removeRole(String name) { roles.remove(key(name)); }

    // ---- policies

    public Optional<ManagedPolicy> policy(String type, String name) {
        Map<String, ManagedPolicy> byName = ManagedPolicy.SYSTEM.equals(type) ? systemPolicies : customPolicies;
        return Optional.ofNullable(byName.get(name));
    }

    public List<ManagedPolicy> customPolicies() { return new ArrayList<>(customPolicies.values()); }
    public List<ManagedPolicy> systemPolicies() { return new ArrayList<>(systemPolicies.values()); }
    public void putCustomPolicy(ManagedPolicy policy) { customPolicies.put(policy.name(), policy); }
    public void removeCustomPolicy(String name) { customPolicies.remove(name); }

    // ---- attachments

    public List<Attachment> attachments() { return new ArrayList<>(attachments); }

    public List<Attachment> attachmentsOf(String principalType, String principalName) {
        return attachments.stream().filter(a -> a.isFor(principalType, principalName)).collect(Collectors.toList());
    }

    public List<Attachment> attachmentsOfPolicy(String policyType, String policyName) {
        return attachments.stream().filter(a -> a.isOf(policyType, policyName)).collect(Collectors.toList());
    }

    public void addAttachment(Attachment attachment) { attachments.add(attachment); }
    public void removeAttachment(Attachment attachment) { attachments.remove(attachment); }

    // ---- users and their keys (user names treated case-insensitively, like role names)

    public Optional<User> user(String name) { return Optional.ofNullable(users.get(key(name))); }
    public List<User> users() { return new ArrayList<>(users.values()); }
    public void putUser(User user) { users.put(key(user.name()), user); }

    public void removeUser(String name) {
        users.remove(key(name));
        userKeys.values().removeIf(k -> k.userName().equalsIgnoreCase(name));
    }

    List<AccessKey> userKeys() { return new ArrayList<>(userKeys.values()); }
    void putUserKey(AccessKey key) { userKeys.put(key.id(), key); }

    public AccessKey issueUserKey(String userName) {
        AccessKey key = new AccessKey(Ids.accessKeyId(), Ids.accessKeySecret(), userName);
        userKeys.put(key.id(), key);
        return key;
    }

    /** The root key or a user's key with this id. */
    public Optional<AccessKey> accessKey(String id) {
        if (rootKey.id().equals(id)) {
            return Optional.of(rootKey);
        }
        return Optional.ofNullable(userKeys.get(id));
    }

    // ---- STS sessions

    public Session issueSession(Role role, String sessionName, String policy, Duration lifetime) {
        Instant now = now();
        Session session = new Session("STS." + Ids.alnum(25), Ids.alnum(44), "CAIS" + Ids.alnum(160),
                role.name(), role.id(), sessionName, policy, now, now.plus(lifetime));
        sessions.put(session.accessKeyId(), session);
        return session;
    }

    List<Session> sessions() { return new ArrayList<>(sessions.values()); }
    void putSession(Session session) { sessions.put(session.accessKeyId(), session); }

    public Optional<Session> session(String accessKeyId) { return Optional.ofNullable(sessions.get(accessKeyId)); }

    public Optional<Session> sessionByToken(String token) {
        return sessions.values().stream().filter(s -> s.securityToken().equals(token)).findFirst();
    }

    // ---- instances

    public Optional<Instance> instance(String id) { return Optional.ofNullable(instances.get(id)); }
    public List<Instance> instances() { return new ArrayList<>(instances.values()); }
    public void putInstance(Instance instance) { instances.put(instance.id(), instance); }

    public void recordBinding(String instanceId) { lastBoundInstance = instanceId; }

    public void selectMetadataInstance(String instanceId) { selectedMetadataInstance = instanceId; }

    /** The instance the root metadata listener serves: the one selected, else the one most recently bound. */
    public Optional<String> metadataInstance() {
        return Optional.ofNullable(selectedMetadataInstance != null ? selectedMetadataInstance : lastBoundInstance);
    }

    public Optional<String> selectedMetadataInstance() { return Optional.ofNullable(selectedMetadataInstance); }

    String lastBoundInstance() { return lastBoundInstance; }

    // ---- metadata tokens (hardened mode)

    public String issueMetadataToken(String instanceId, Duration ttl) {
        Instant now = now();
        metadataTokens.values().removeIf(t -> !now.isBefore(t.expiry));
        String token = Ids.alnum(48);
        metadataTokens.put(token, new MetadataToken(instanceId, now.plus(ttl)));
        return token;
    }

    public boolean metadataTokenValid(String token, String instanceId) {
        MetadataToken found = metadataTokens.get(token);
        return found != null && found.instanceId.equals(instanceId) && now().isBefore(found.expiry);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static final class MetadataToken {
        final String instanceId;
        final Instant expiry;

        MetadataToken(String instanceId, Instant expiry) {
            this.instanceId = instanceId;
            this.expiry = expiry;
        }
    }
}
