package org.rilltokens.governance.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.RelativeTime;

/**
 * {@code /activity}: the signed-in person's own trail, newest first — sign-ins, their tokens issued, rotated and
 * revoked, and what others or the service did to them — with CSV and JSON downloads.
 */
@Named
@ViewScoped
public class ActivityView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 100;

    @Inject
    transient AuditTrail trail;

    @Inject
    ActiveUser user;

    private AuditPage page;

    public void load() {
        page = trail.list(new AuditTrail.Selection(null, user.getEmail(), null, null, null), PAGE_SIZE, null);
    }

    public AuditPage getPage() {
        return page;
    }

    public String when(Instant instant) {
        return RelativeTime.exact(instant);
    }
}
