package org.rilltokens.devices.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rilltokens.devices.entity.DeviceAuthorization;

/**
 * Deletes device logins that expired an hour ago and were never collected. Until then a late poll
 * still learns that its code expired, rather than that it is unknown.
 */
@Singleton
public class DeviceAuthorizationPurge {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Logger log;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void onSchedule() {
        purge();
    }

    public int purge() {
        int purged = em.createNamedQuery(DeviceAuthorization.DELETE_EXPIRED_BEFORE)
                .setParameter("cutoff", clock.instant().minus(KEPT_AFTER_EXPIRY).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (purged > 0) {
            log.log(Level.INFO, "Purged {0} device logins that expired without being collected", purged);
        }
        return purged;
    }
}
