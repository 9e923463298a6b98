package org.rilltokens.audit.boundary;

import java.time.Instant;
import org.rilltokens.audit.entity.AuditEvent;

/** One line of the audit trail as the API and the portal show it. */
public record AuditEntry(String id, Instant occurredOn, String actor, String surface, String address, String org, String kind,
        String subject, String before, String after) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(String.valueOf(event.id()), event.occurredOn(), event.actorEmail(), event.surface().label(),
                event.address(), event.orgName(), event.kind(), event.subject(), event.before(), event.after());
    }
}
