package org.rilltokens.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.audit.boundary.Actor;

/** One recorded administrative change. Append-only: nothing changes or deletes an event. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    public static final int VALUE_MAX = 2048;
    public static final int SUBJECT_MAX = 320;

    /** Ascending with time: the trail is read newest first by id. */
    @Id
    @SequenceGenerator(name = "audit_events_seq", sequenceName = "audit_events_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_events_seq")
    private Long id;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private OffsetDateTime occurredOn;

    // Text, not UUID: the trail keeps ids of things that may be gone, and changes of accounts have no org.
    @Column(name = "actor_id", updatable = false, length = 36)
    private String actorId;

    @Column(name = "actor_email", nullable = false, updatable = false, length = 320)
    private String actorEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Actor.Surface surface;

    @Column(updatable = false, length = 64)
    private String address;

    @Column(name = "org_id", updatable = false, length = 36)
    private String orgId;

    @Column(name = "org_name", updatable = false, length = 64)
    private String orgName;

    @Column(nullable = false, updatable = false, length = 48)
    private String kind;

    @Column(updatable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(name = "before_value", updatable = false, length = VALUE_MAX)
    private String before;

    @Column(name = "after_value", updatable = false, length = VALUE_MAX)
    private String after;

    protected AuditEvent() {
    }

    public AuditEvent(Actor actor, Instant occurredOn, UUID orgId, String orgName, String kind, String subject, String before,
            String after) {
        this.occurredOn = occurredOn.atOffset(ZoneOffset.UTC);
        this.actorId = actor.userId() == null ? null : actor.userId().toString();
        this.actorEmail = actor.email();
        this.surface = actor.surface();
        this.address = actor.address();
        this.orgId = orgId == null ? null : orgId.toString();
        this.orgName = orgName;
        this.kind = Objects.requireNonNull(kind);
        this.subject = cut(subject, SUBJECT_MAX);
        this.before = cut(before, VALUE_MAX);
        this.after = cut(after, VALUE_MAX);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Instant occurredOn() {
        return occurredOn.toInstant();
    }

    public String actorEmail() {
        return actorEmail;
    }

    public Actor.Surface surface() {
        return surface;
    }

    public String address() {
        return address;
    }

    public String orgName() {
        return orgName;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }
}
