package org.rilltokens.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests are receiving a body right now, in total and per client address. A worker thread that
 * waits for a body is a worker no other request can use: capping these keeps most of the server's workers
 * for everyone else, however many slow senders connect.
 */
final class BodyReaders {

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    BodyReaders(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    enum Admission { ADMITTED, ADDRESS_BUSY, SERVER_BUSY }

    /** Counts a request in, unless that would pass a cap; every admitted request must {@link #leave} once. */
    Admission enter(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Admission.SERVER_BUSY;
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < maxPerAddress;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return Admission.ADDRESS_BUSY;
        }
        return Admission.ADMITTED;
    }

    void leave(String address) {
        perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        total.decrementAndGet();
    }

    int inProgress() {
        return total.get();
    }
}
