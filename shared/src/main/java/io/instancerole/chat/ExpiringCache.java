package io.instancerole.chat;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small per-instance memory of recent things (seen signatures, replies, plans), each kept until
 * it expires, bounded in size (the oldest go first). Best effort by design: what it holds only
 * spares work or a retype; no rule depends on it. Thread-safe.
 */
public final class ExpiringCache<V> {
    private final int capacity;
    private final Map<String, Entry<V>> entries = new LinkedHashMap<>();

    public ExpiringCache(int capacity) {
        this.capacity = capacity;
    }

    public synchronized Optional<V> get(String key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null || entry.expires.isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.value);
    }

    /** Keeps {@code value} until {@code expires}; an existing entry of that key is replaced. */
    public synchronized void put(String key, V value, Instant expires, Instant now) {
        entries.values().removeIf(e -> e.expires.isBefore(now));
        entries.remove(key);
        if (entries.size() >= capacity) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry<>(value, expires));
    }

    private static final class Entry<V> {
        final V value;
        final Instant expires;

        Entry(V value, Instant expires) {
            this.value = value;
            this.expires = expires;
        }
    }
}
