package org.rilltokens.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.rilltokens.audit.entity.AuditEvent;
import org.rilltokens.platform.DomainException;

/**
 * The append-only trail of administration. A change is recorded in the transaction that makes it, so
 * either both are kept or neither. Who may read which part is decided by the caller (org admins their
 * org, superusers all); this only stores and reads.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    public static final int PAGE_SIZE_MAX = 1000;
    static final int PAGE_SIZE_DEFAULT = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, Change change) {
        em.persist(new AuditEvent(actor, clock.instant(), change.orgId(), change.orgName(), change.kind(), change.subject(),
                change.before(), change.after()));
    }

    /** Records an event that nothing else is written with (a sign-in), in a transaction of its own if need be. */
    public void append(Actor actor, Change change) {
        record(actor, change);
    }

    /**
     * Newest first.
     * @param orgId  one organization's trail, or null for every change (superusers)
     * @param person only changes made by or done to this email, when given
     * @param kind   only changes of this kind ({@code member.role}) or family ({@code member}), when given
     */
    public AuditPage list(UUID orgId, String person, String kind, Integer pageSize, String pageToken) {
        return list(new Selection(orgId, person, kind, null, null), pageSize, pageToken);
    }

    /** Newest first: a page of the selection (its dates are ignored). */
    public AuditPage list(Selection selection, Integer pageSize, String pageToken) {
        int size = pageSize == null ? PAGE_SIZE_DEFAULT : pageSize;
        if (size < 1 || size > PAGE_SIZE_MAX) {
            throw DomainException.invalid("pageSize", "pageSize must be between 1 and " + PAGE_SIZE_MAX + ", got " + size);
        }
        Long before = given(pageToken) ? before(pageToken) : null;
        List<AuditEvent> found = query(selection, before, null, true)
                .setMaxResults(size + 1).getResultList();
        String next = found.size() > size ? String.valueOf(found.get(size - 1).id()) : null;
        return new AuditPage(found.stream().limit(size).map(AuditEntry::of).toList(), next);
    }

    /**
     * What an export reads: one organization's trail or everything (orgId null), the events made by or done to
     * {@code person} when given, of a kind or family when given, from {@code from} (inclusive) to {@code to}
     * (exclusive) when given. An organization's trail also holds the token and sign-in events of the people in
     * {@code members} (emails), which belong to no organization.
     */
    public record Selection(UUID orgId, String person, String kind, Instant from, Instant to, List<String> members) {

        public Selection {
            members = members == null ? List.of() : List.copyOf(members);
        }

        public Selection(UUID orgId, String person, String kind, Instant from, Instant to) {
            this(orgId, person, kind, from, to, List.of());
        }
    }

    /** The next {@code size} events of the selection after event {@code afterId} (null: from the start), oldest first. */
    public List<AuditEntry> batch(Selection selection, Long afterId, int size) {
        return query(selection, null, afterId, false).setMaxResults(size).getResultStream().map(AuditEntry::of).toList();
    }

    private TypedQuery<AuditEvent> query(Selection selection, Long before, Long after, boolean newestFirst) {
        List<String> conditions = new ArrayList<>();
        if (selection.orgId() != null && selection.members().isEmpty()) {
            conditions.add("e.orgId = :orgId");
        } else if (selection.orgId() != null) {
            conditions.add("(e.orgId = :orgId OR (e.orgId IS NULL AND (e.kind LIKE 'token.%' OR e.kind LIKE 'sign-in.%')"
                    + " AND e.subject IN :members))");
        }
        if (given(selection.person())) {
            conditions.add("(e.actorEmail = :person OR e.subject = :person)");
        }
        if (given(selection.kind())) {
            conditions.add("(e.kind = :kind OR e.kind LIKE :family)");
        }
        if (selection.from() != null) {
            conditions.add("e.occurredOn >= :from");
        }
        if (selection.to() != null) {
            conditions.add("e.occurredOn < :to");
        }
        if (before != null) {
            conditions.add("e.id < :before");
        }
        if (after != null) {
            conditions.add("e.id > :after");
        }
        TypedQuery<AuditEvent> query = em.createQuery("SELECT e FROM AuditEvent e"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY e.id" + (newestFirst ? " DESC" : ""), AuditEvent.class);
        if (selection.orgId() != null) {
            query.setParameter("orgId", selection.orgId().toString());
        }
        if (selection.orgId() != null && !selection.members().isEmpty()) {
            query.setParameter("members", selection.members());
        }
        if (given(selection.person())) {
            query.setParameter("person", selection.person().strip().toLowerCase(Locale.ROOT));
        }
        if (given(selection.kind())) {
            query.setParameter("kind", selection.kind().strip()).setParameter("family", selection.kind().strip() + ".%");
        }
        if (selection.from() != null) {
            query.setParameter("from", selection.from().atOffset(ZoneOffset.UTC));
        }
        if (selection.to() != null) {
            query.setParameter("to", selection.to().atOffset(ZoneOffset.UTC));
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query;
    }

    private static long before(String pageToken) {
        try {
            return Long.parseLong(pageToken.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("pageToken", "pageToken is not one this server handed out; list again without it");
        }
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
