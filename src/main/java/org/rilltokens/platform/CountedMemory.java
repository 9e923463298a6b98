package org.rilltokens.platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a node keeps in memory about callers, by key: a value is used only under the {@link ClusterEpoch} count it was
 * read under and for at most {@link ClusterEpoch#MEMORY_MAX_AGE}, so a change committed on any node is seen on the
 * very next request. Only values found are kept (an absent one is read again every time); when full, it starts again
 * empty.
 */
public final class CountedMemory<K, V> {

    private static final long MAX_AGE = ClusterEpoch.MEMORY_MAX_AGE.toNanos();
    private static final int MAX_KEPT = 10_000;

    /** A value, the count it was read under, and since when ({@link System#nanoTime()}). */
    private record Kept<V>(V value, long epoch, long since) {
    }

    private final ClusterEpoch epoch;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    public CountedMemory(ClusterEpoch epoch) {
        this.epoch = epoch;
    }

    /**
     * The value kept for the key, if it is still good; else what {@code read} finds now (kept when found and no change
     * was counted while it read).
     */
    public Optional<V> get(K key, Supplier<Optional<V>> read) {
        long count = epoch.current();
        Kept<V> known = count < 0 ? null : kept.get(key);
        if (known != null && known.epoch() == count && System.nanoTime() - known.since() < MAX_AGE) {
            return Optional.of(known.value());
        }
        Optional<V> found = read.get();
        if (found.isPresent() && count >= 0 && epoch.current() == count) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, new Kept<>(found.get(), count, System.nanoTime()));
        }
        return found;
    }
}
