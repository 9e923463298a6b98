package org.rilltokens.platform;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.function.Supplier;

/**
 * A bean-managed transaction tried twice: counters shared by several nodes are created on first use, and when
 * two nodes create the same one at the same moment, one of them loses and simply tries again.
 */
public final class RetriedTransaction {

    private RetriedTransaction() {
    }

    public static <T> T run(UserTransaction tx, String what, Supplier<T> work) {
        for (int round = 1; ; round++) {
            try {
                tx.begin();
                T result = work.get();
                tx.commit();
                return result;
            } catch (Exception e) {
                rollback(tx);
                if (round == 2) {
                    throw new IllegalStateException("Could not " + what, e);
                }
            }
        }
    }

    private static void rollback(UserTransaction tx) {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception ignored) {
            // Nothing was written that needs undoing; the retry or the caller's error says the rest.
        }
    }
}
