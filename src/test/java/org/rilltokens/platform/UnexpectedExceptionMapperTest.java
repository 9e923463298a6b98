package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures at commit are a lost race (a 409 the caller can retry) and which stay a bug (a 500 with an incident id). */
class UnexpectedExceptionMapperTest {

    /** As Payara's interceptor reports a commit that the database refused: the SQL state sits a few causes down. */
    private static Throwable atCommit(SQLException reason) {
        RollbackException rollback = new RollbackException("Transaction marked for rollback");
        rollback.initCause(new PersistenceException("Exception [EclipseLink-4002]", reason));
        return new TransactionalException("Managed bean with Transactional annotation and TxType of REQUIRED encountered "
                + "exception during commit", rollback);
    }

    @Test
    void aDuplicateKeyOrAMissingParentAtCommitIsALostRace() {
        assertThat(UnexpectedExceptionMapper.clash(atCommit(new SQLException("duplicate key value violates unique constraint "
                + "\"project_members_uq\"", "23505")))).map(SQLException::getSQLState).contains("23505");
        assertThat(UnexpectedExceptionMapper.clash(atCommit(new SQLException("insert or update violates foreign key constraint",
                "23503")))).isPresent();
        assertThat(UnexpectedExceptionMapper.clash(atCommit(new SQLException("deadlock detected", "40P01")))).isPresent();
    }

    @Test
    void aClashReportedAsTheNextExceptionOfABatchIsFoundToo() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "", 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(UnexpectedExceptionMapper.clash(atCommit(batch))).map(SQLException::getSQLState).contains("23505");
    }

    @Test
    void aNullInARequiredColumnOrAnyOtherFailureStaysABug() {
        assertThat(UnexpectedExceptionMapper.clash(atCommit(new SQLException("null value in column", "23502")))).isEmpty();
        assertThat(UnexpectedExceptionMapper.clash(atCommit(new SQLException("connection refused", "08001")))).isEmpty();
        assertThat(UnexpectedExceptionMapper.clash(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void aDuplicateKeyFromAStatementBeforeCommitIsABugNotARace() {
        // A missing check before an insert fails the same way on every try: a 409 "try again" would hide it.
        assertThat(UnexpectedExceptionMapper.clash(new PersistenceException(new SQLException("duplicate key", "23505")))).isEmpty();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(UnexpectedExceptionMapper.clash(first)).isEmpty();
    }
}
