package org.edgemec.platform.persistence.changes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A bounded cache whose entries are valid for the table generation they were read under (see {@link TableChanges}):
 * an entry read before a change is never served after it.
 */
public final class GenerationCache<V> {

    private record Entry<V>(long generation, V value) {
    }

    private final Cache<String, Entry<V>> entries;
    private final LongSupplier generation;

    public GenerationCache(long maximumSize, LongSupplier generation) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.generation = generation;
    }

    /** The value for the key at the current generation: from memory, else from the loader (which may block). */
    public V get(String key, Supplier<V> loader) {
        long now = generation.getAsLong();
        Entry<V> entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == now) {
            return entry.value();
        }
        V value = loader.get();
        if (value != null) {
            entries.put(key, new Entry<>(now, value));
        }
        return value;
    }

    /**
     * Stores values read under {@code generation} (read before the values were): served only while the generation
     * is still that one, like the loader's results of {@link #get}.
     */
    public void putAll(long generation, java.util.Map<String, V> values) {
        values.forEach((key, value) -> entries.put(key, new Entry<>(generation, value)));
    }

    /** The value for the key at the current generation when it is in memory, else null (no loading). */
    public V getIfFresh(String key) {
        Entry<V> entry = entries.getIfPresent(key);
        return entry != null && entry.generation() == generation.getAsLong() ? entry.value() : null;
    }

    public long size() {
        return entries.estimatedSize();
    }
}
