package org.rilltokens.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
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

    /**
     * Newest first.
     * @param orgId  one organization's trail, or null for every change (superusers)
     * @param person only changes made by or done to this email, when given
     * @param kind   only changes of this kind ({@code member.role}) or family ({@code member}), when given
     */
    public AuditPage list(UUID orgId, String person, String kind, Integer pageSize, String pageToken) {
        int size = pageSize == null ? PAGE_SIZE_DEFAULT : pageSize;
        if (size < 1 || size > PAGE_SIZE_MAX) {
            throw DomainException.invalid("pageSize", "pageSize must be between 1 and " + PAGE_SIZE_MAX + ", got " + size);
        }
        List<String> conditions = new ArrayList<>();
        if (orgId != null) {
            conditions.add("e.orgId = :orgId");
        }
        if (given(person)) {
            conditions.add("(e.actorEmail = :person OR e.subject = :person)");
        }
        if (given(kind)) {
            conditions.add("(e.kind = :kind OR e.kind LIKE :family)");
        }
        if (given(pageToken)) {
            conditions.add("e.id < :before");
        }
        TypedQuery<AuditEvent> query = em.createQuery("SELECT e FROM AuditEvent e"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY e.id DESC", AuditEvent.class);
        if (orgId != null) {
            query.setParameter("orgId", orgId.toString());
        }
        if (given(person)) {
            query.setParameter("person", person.strip().toLowerCase(Locale.ROOT));
        }
        if (given(kind)) {
            query.setParameter("kind", kind.strip()).setParameter("family", kind.strip() + ".%");
        }
        if (given(pageToken)) {
            query.setParameter("before", before(pageToken));
        }
        List<AuditEvent> found = query.setMaxResults(size + 1).getResultList();
        String next = found.size() > size ? String.valueOf(found.get(size - 1).id()) : null;
        return new AuditPage(found.stream().limit(size).map(AuditEntry::of).toList(), next);
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
