package org.rilltokens.tokens.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rilltokens.access.entity.GroupProjectRole;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.Project;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.platform.AccessFactsListener;
import org.rilltokens.platform.CallerFactsListener;
import org.rilltokens.users.entity.User;

/**
 * Nodes remember accepted tokens, and each user's standing in a project, until a change to the rows behind them is
 * counted (platform/ClusterEpoch). Entity updates and removals are counted by {@link CallerFactsListener}, and for the
 * memberships, groups and group roles that decide access also inserts, by {@link AccessFactsListener}; a bulk
 * statement passes no entity callback. So every bulk statement on those rows has to be one of these, each with the
 * reason it cannot leave a node trusting a token or role it should refuse: a new one fails here until it is reviewed.
 */
class RememberedRowsStatementsTest {

    private static final List<Class<?>> REMEMBERED = List.of(UserToken.class, User.class, Project.class, Organization.class);
    /** What Access resolves a standing from, besides users, projects and organizations (attributes and group members included). */
    private static final List<Class<?>> ACCESS = List.of(OrgMembership.class, ProjectMembership.class, Usergroup.class,
            GroupProjectRole.class);

    private static final Map<String, String> REVIEWED = Map.of(
            UserToken.DELETE_BY_OWNER, "Tokens.revokeAll counts it itself (ClusterEpoch.changed())",
            UserToken.DELETE_EXPIRED_BEFORE, "deletes tokens already past expiry, which every use checks against the clock",
            UserToken.DELETE_REVOKED_BEFORE, "deletes tokens whose revocation was counted when it happened",
            UserToken.MARK_EXPIRY_WARNED, "sets a column no check reads",
            UserToken.RECORD_USE, "sets the last-use columns, which no check reads");

    @Test
    void everyEntityWhoseRowsNodesRememberHasItsChangesCounted() {
        assertThat(REMEMBERED).allSatisfy(entity -> assertThat(entity.getAnnotation(EntityListeners.class).value())
                .as(entity.getSimpleName()).contains(CallerFactsListener.class));
    }

    @Test
    void everyEntityThatDecidesAccessHasItsInsertsUpdatesAndRemovalsCounted() throws Exception {
        assertThat(ACCESS).allSatisfy(entity -> assertThat(entity.getAnnotation(EntityListeners.class).value())
                .as(entity.getSimpleName()).contains(AccessFactsListener.class));
        Method counted = AccessFactsListener.class.getDeclaredMethod("changed", Object.class);
        assertThat(Stream.of(PostPersist.class, PostUpdate.class, PostRemove.class)).allSatisfy(callback ->
                assertThat(counted.isAnnotationPresent(callback)).as(callback.getSimpleName()).isTrue());
    }

    @Test
    void everyBulkStatementOnThoseRowsIsReviewed() {
        List<String> bulk = Stream.concat(REMEMBERED.stream(), ACCESS.stream())
                .flatMap(entity -> Stream.of(entity.getAnnotationsByType(NamedQuery.class)))
                .filter(query -> query.query().strip().matches("(?is)(UPDATE|DELETE)\\b.*"))
                .map(NamedQuery::name).toList();
        assertThat(bulk).isNotEmpty().allSatisfy(name -> assertThat(REVIEWED).as("review " + name).containsKey(name));
        assertThat(REVIEWED.keySet()).as("reviewed statements that are gone").allSatisfy(name -> assertThat(bulk).contains(name));
    }
}
