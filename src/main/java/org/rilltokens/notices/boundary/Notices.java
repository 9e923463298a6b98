package org.rilltokens.notices.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.rilltokens.access.boundary.InvitationSent;
import org.rilltokens.notices.control.Letters;
import org.rilltokens.notices.control.Mail;
import org.rilltokens.tokens.boundary.TokenEvent;
import org.rilltokens.web.PublicAddress;

/**
 * Emails people about their tokens (created, rotated, expiring within 7 days, revoked by someone else or as leaked)
 * and invitations, once the change committed: a rolled-back change sends nothing, and sending never delays or fails it.
 */
@ApplicationScoped
public class Notices {

    @Inject
    Mail mail;

    @Inject
    PublicAddress address;

    void onToken(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenEvent event) {
        if (mail.isConfigured()) {
            letters().about(event).ifPresent(mail::send);
        }
    }

    void onInvitation(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationSent invitation) {
        if (mail.isConfigured()) {
            mail.send(letters().invitation(invitation));
        }
    }

    private Letters letters() {
        return new Letters(address.configuredBase().orElse(null));
    }
}
