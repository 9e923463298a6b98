package org.rilltokens.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bug, not a bad request: logged with an id the caller can quote, never shown as a stack trace. Except for a change
 * that the database refused at commit because another request (on this node or another) stored the same row a moment
 * earlier, after this one had checked that it was free: that is a 409 (nothing of this request was kept), not a bug.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Set<String> CLASHES = Set.of("23505", "23503", "23506", "40P01", "40001");

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Optional<SQLException> clash = clash(e);
        if (clash.isPresent()) {
            // The database's message names the values (an email, say): the state is enough to tell what happened.
            LOG.warning("A change lost a race with another at commit and was rolled back (SQLState " + clash.get().getSQLState() + ")");
            return ApiErrors.response(409, DomainException.Kind.CONFLICT.code(), "Another request changed the same thing at the "
                    + "same moment, so nothing of this one was saved: reload and try again");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return ApiErrors.response(500, "internal", "Something went wrong on the server (incident " + incident + ")");
    }

    /**
     * Unique key (23505) or foreign key (23503; H2 also 23506) violated, or the database ended the transaction to break a
     * deadlock (40P01) or a serialization failure (40001), where a transaction's commit was refused (a rollback
     * exception above it in the causes): each means another transaction won a race. The same state from a statement
     * run before commit, or a not-null or check violation (23502, 23514), is a bug and stays a 500.
     */
    static Optional<SQLException> clash(Throwable e) {
        boolean atCommit = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = e; cause != null && seen.add(cause); cause = cause.getCause()) {
            atCommit |= cause instanceof jakarta.transaction.RollbackException || cause instanceof jakarta.persistence.RollbackException;
            if (atCommit && cause instanceof SQLException sql) {
                Set<SQLException> chained = Collections.newSetFromMap(new IdentityHashMap<>());
                for (SQLException next = sql; next != null && chained.add(next); next = next.getNextException()) {
                    if (CLASHES.contains(next.getSQLState())) {
                        return Optional.of(next);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
