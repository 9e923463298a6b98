package org.rilltokens.governance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rilltokens.access.boundary.Organizations;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditExport;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;

/**
 * The portal's downloads of the audit trail, for the signed-in person (a GET that changes nothing):
 * {@code /activity/export?format=csv|json&from=&to=} their own activity, with {@code &org=acme} the organization's
 * trail (its admins). Over the API the same is {@code /v1/users/current/audit/export} and
 * {@code /v1/organizations/{org}/audit/export}.
 */
@WebServlet("/activity/export")
public class ActivityExport extends HttpServlet {

    @Inject
    ActiveUser user;

    @Inject
    Organizations organizations;

    @Inject
    AuditTrail trail;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String org = request.getParameter("org");
        AuditExport.Format format;
        AuditTrail.Selection selection;
        try {
            format = AuditExport.Format.of(request.getParameter("format"));
            var from = AuditExport.instant("from", request.getParameter("from"));
            var to = AuditExport.instant("to", request.getParameter("to"));
            Actor actor = Actor.portal(user.id(), user.getEmail(), request);
            selection = org == null || org.isBlank() ? new AuditTrail.Selection(null, user.getEmail(), null, from, to)
                    : organizations.auditOf(actor, org, request.getParameter("person"), request.getParameter("kind"), from, to);
            AuditExport.check(selection);
        } catch (DomainException e) {
            response.sendError(e.kind().status, e.getMessage());
            return;
        }
        response.setContentType(format.mediaType());
        response.setHeader("Content-Disposition", AuditExport.disposition(format, org == null || org.isBlank() ? "my-activity"
                : "audit-" + org));
        response.setHeader("Cache-Control", "no-store");
        AuditExport.write(trail, selection, format, response.getOutputStream());
    }
}
