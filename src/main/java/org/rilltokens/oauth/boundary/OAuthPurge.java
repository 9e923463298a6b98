package org.rilltokens.oauth.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.rilltokens.oauth.entity.AuthorizationCode;
import org.rilltokens.oauth.entity.RegisteredClient;

/**
 * Forgets what OAuth leaves behind: codes an hour after they expired (until then a replayed code is recognised), and
 * self-registered clients that never got a token within a week (registration needs no account, so anyone can add them).
 */
@Singleton
public class OAuthPurge {

    static final Duration CODES_KEPT = Duration.ofHours(1);
    static final Duration UNUSED_CLIENTS_KEPT = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void onSchedule() {
        purge();
    }

    public int purge() {
        var now = clock.instant();
        int codes = em.createNamedQuery(AuthorizationCode.DELETE_EXPIRED_BEFORE)
                .setParameter("cutoff", now.minus(CODES_KEPT).atOffset(ZoneOffset.UTC)).executeUpdate();
        var unused = em.createNamedQuery(RegisteredClient.FIND_UNUSED_BEFORE, RegisteredClient.class)
                .setParameter("before", now.minus(UNUSED_CLIENTS_KEPT).atOffset(ZoneOffset.UTC)).setMaxResults(1000).getResultList();
        unused.forEach(em::remove);
        return codes + unused.size();
    }
}
