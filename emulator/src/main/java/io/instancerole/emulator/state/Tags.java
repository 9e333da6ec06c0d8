package io.instancerole.emulator.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tags of a RAM role or policy, keys case-sensitive, in the order they were added. Changed only under the state lock. */
public final class Tags {
    private final Map<String, String> tags = new LinkedHashMap<>();

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** How many tags there would be after {@link #put}: a key already present is overwritten, not added. */
    public int countWith(Map<String, String> added) {
        return (int) (tags.size() + added.keySet().stream().filter(k -> !tags.containsKey(k)).count());
    }

    public void put(Map<String, String> added) {
        tags.putAll(added);
    }

    public void remove(Collection<String> keys) {
        keys.forEach(tags::remove);
    }

    public void clear() {
        tags.clear();
    }
}
