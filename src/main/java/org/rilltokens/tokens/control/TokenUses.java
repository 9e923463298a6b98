package org.rilltokens.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.rilltokens.tokens.entity.UserToken;

/**
 * The uses of tokens noted on the request path, in memory only, until {@link UsageRecorder} writes them: at most one
 * per token per {@link #INTERVAL} is kept. A plain bean, so that noting a use costs a map update and nothing else.
 */
@ApplicationScoped
public class TokenUses {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    record Use(Instant at, String ip, String userAgent) {
    }

    private final Map<UUID, Instant> lastNoted = new ConcurrentHashMap<>();
    private final Map<UUID, Use> pending = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** Notes a use of the token, unless one was noted less than {@link #INTERVAL} before. */
    public void record(UUID tokenId, Instant at, String ip, String userAgent) {
        boolean[] due = {false};
        lastNoted.compute(tokenId, (id, last) -> {
            due[0] = last == null || !at.isBefore(last.plus(INTERVAL));
            return due[0] ? at : last;
        });
        if (due[0]) {
            pending.put(tokenId, new Use(at, truncate(ip, UserToken.IP_MAX), truncate(userAgent, UserToken.USER_AGENT_MAX)));
        }
    }

    /** Hands every pending use to {@code writer} once, and forgets notes older than {@link #INTERVAL}. */
    void drain(BiConsumer<UUID, Use> writer) {
        for (UUID tokenId : pending.keySet()) {
            Use use = pending.remove(tokenId);
            if (use != null) {
                writer.accept(tokenId, use);
            }
        }
        Instant forgetBefore = clock.instant().minus(INTERVAL);
        lastNoted.values().removeIf(at -> at.isBefore(forgetBefore));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
