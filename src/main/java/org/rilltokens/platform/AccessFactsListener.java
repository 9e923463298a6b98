package org.rilltokens.platform;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On the entities that decide what a user reaches in a project (organization and project memberships with their
 * attributes, groups with their members, group roles), whose resolution nodes may keep in memory: a new row widens
 * access as surely as a removed one narrows it, so every insert, update or removal through JPA counts as a change once
 * its transaction commits ({@link ClusterEpoch#changed()}). A change to a group's members or a member's attributes
 * alone is an update of the group or membership that owns them. (Users, projects and organizations themselves count
 * through {@link CallerFactsListener}.)
 */
public class AccessFactsListener {

    @Inject
    ClusterEpoch epoch;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        epoch.changed();
    }
}
