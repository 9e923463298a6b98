package org.rilltokens.notices.control;

import java.util.Objects;

/** One plain-text email to one person. {@link #toString()} leaves the body out: an invitation's carries its link. */
public record Letter(String to, String subject, String body) {

    public Letter {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }

    @Override
    public String toString() {
        return "Letter[to=" + to + ", subject=" + subject + "]";
    }
}
