package org.rilltokens.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.platform.DomainException;

/** An organization's audit trail for its admins: newest first, filtered by person and kind, 50 a page. */
@Named
@ViewScoped
public class AuditView extends OrgPage {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    private String person;
    private String kind;
    private String pageToken;
    private AuditPage page;

    public void load() throws IOException {
        if (!open()) {
            return;
        }
        try {
            page = organizations.audit(user.actor(), org, person, kind, PAGE_SIZE, pageToken);
        } catch (DomainException e) {
            refused("filter", e);
        }
    }

    /** The link to the next (older) page, keeping the filters. */
    public String getOlder() {
        return "audit?org=" + query(org) + (person == null ? "" : "&person=" + query(person)) + (kind == null ? "" : "&kind=" + query(kind))
                + "&pageToken=" + query(page.nextPageToken());
    }

    @Override
    protected String here() {
        return "/audit?org=" + query(org);
    }

    public AuditPage getPage() {
        return page;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getPageToken() {
        return pageToken;
    }

    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }
}
