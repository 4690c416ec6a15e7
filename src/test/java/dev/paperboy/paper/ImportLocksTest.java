package dev.paperboy.paper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.paperboy.paper.PaperDocuments.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An import is never held up by rows that merely point at its papers: writing a paper's vector or a feedback click
 * checks the paper's foreign key under a key-share lock, and an import updating that paper must
 * neither wait for such a transaction nor deadlock with it (a fresh-clone CI run once failed on exactly that:
 * "deadlock detected while locking tuple in relation paper", an import against the vector backfill).
 */
@QuarkusTest
class ImportLocksTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anImportGoesThroughWhileAnotherTransactionHoldsItsPapersUnderForeignKeyLocks() throws Exception {
        PaperDocuments run = new PaperDocuments();
        run.postFixture("application/atom+xml", "arxiv-api.atom");
        run.postFixture("application/json", "huggingface.json");
        Long[] ids = run.papers().stream().map(p -> p.id).toArray(Long[]::new);

        try (Connection pointing = dataSource.getConnection()) {
            pointing.setAutoCommit(false);
            try (PreparedStatement lock = pointing.prepareStatement("select id from paper where id = any(?) for key share")) {
                lock.setArray(1, pointing.createArrayOf("bigint", ids));
                lock.executeQuery().close();
            }
            // new upvotes for one locked paper, a duplicate, and one document without an abstract
            CompletableFuture<List<Integer>> votes = CompletableFuture.supplyAsync(() ->
                    counts(run.postFixture("application/json", "huggingface-later.json")));
            try {
                assertEquals(List.of(3, 0, 1, 1, 1), votes.get(20, TimeUnit.SECONDS),
                        "the import finished while the key-share locks were held");
            } finally {
                pointing.commit();
            }
        }
        assertEquals(57, run.paper("2611.04417").upvotes);
    }
}
