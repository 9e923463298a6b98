package org.rilltokens.platform;

import jakarta.inject.Inject;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On the entities whose rows nodes may keep in memory (tokens, users, projects, organizations): every update or
 * removal through JPA, whatever the path (revoke, rotate, deactivation, leak report, deletion, any later one), counts
 * as a change once its transaction commits ({@link ClusterEpoch#changed()}). Bulk statements bypass entity
 * callbacks: whoever runs one on those tables calls {@link ClusterEpoch#changed()} itself.
 */
public class CallerFactsListener {

    @Inject
    ClusterEpoch epoch;

    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        epoch.changed();
    }
}
