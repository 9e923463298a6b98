package org.rilltokens.access.boundary;

/**
 * {@code POST …/members}: the person was added ({@code pendingSignup} false), or has no account yet and
 * was invited with a one-time {@code invite} link.
 */
public record Added(boolean pendingSignup, InviteLink invite) {

    static Added member() {
        return new Added(false, null);
    }

    static Added invited(InviteLink link) {
        return new Added(true, link);
    }
}
