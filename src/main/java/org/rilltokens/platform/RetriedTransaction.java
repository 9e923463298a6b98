package org.rilltokens.platform;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * A transaction of its own, tried twice: counters shared by several nodes are created on first use, and when
 * two nodes create the same one at the same moment, one of them loses and simply tries again. The container
 * starts and ends each attempt (no {@code UserTransaction}): callers may be inside a {@code @Transactional}
 * method, where Jakarta Transactions forbids bean-managed demarcation and OpenLiberty enforces it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetriedTransaction {

    @EJB
    RetriedTransaction attempts;

    public <T> T run(String what, Supplier<T> work) {
        try {
            return attempts.attempt(work);
        } catch (RuntimeException lost) {
            try {
                return attempts.attempt(work);
            } catch (RuntimeException again) {
                again.addSuppressed(lost);
                throw new IllegalStateException("Could not " + what, again);
            }
        }
    }

    /** Commits when it returns; a conflict at commit comes back as an exception. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T attempt(Supplier<T> work) {
        return work.get();
    }
}
