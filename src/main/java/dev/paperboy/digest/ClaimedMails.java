package dev.paperboy.digest;

import dev.paperboy.mail.MailContent;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.system.PaperboyConfig;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mails of a claimed batch, its subscribers and papers read with one query each, as plain values on a plain
 * connection (no entities, no transaction: nothing here is written); or, for a digest that goes out
 * no more, why: its subscriber left, paused or was deleted since it was decided (cancelled), or it is older than the
 * give-up age, as after an outage (failed; checked before every send, so that no stale digest goes out days late).
 */
@ApplicationScoped
class ClaimedMails {

    private static final Logger LOG = Logger.getLogger(ClaimedMails.class);

    private final DigestViews views;
    private final DigestMail mail;
    private final PaperboyConfig config;
    private final AgroalDataSource dataSource;

    ClaimedMails(DigestViews views, DigestMail mail, PaperboyConfig config, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.views = views;
        this.mail = mail;
        this.config = config;
    }

    /** A claimed digest's mail; or, without one, the state it ends in instead and why. */
    record Prepared(Claims.Claim claim, MailContent mail, String state, String why) {
    }

    /** The batch's mails; when the batch cannot be read as a whole, each digest is read alone. */
    List<Prepared> compose(List<Claims.Claim> batch) {
        try {
            return read(batch);
        } catch (RuntimeException e) {
            List<Prepared> prepared = new ArrayList<>();
            for (Claims.Claim claim : batch) {
                try {
                    prepared.addAll(read(List.of(claim)));
                } catch (RuntimeException alone) {
                    LOG.errorf(alone, "Could not build digest %d", claim.digestId());
                    prepared.add(new Prepared(claim, null, null, "could not build the digest: " + alone));
                }
            }
            return prepared;
        }
    }

    private List<Prepared> read(List<Claims.Claim> batch) {
        Map<Long, Subscriber> subscribers = subscribers(batch.stream().map(Claims.Claim::subscriberId).distinct().toList());
        List<Claims.Claim> sending = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (Claims.Claim claim : batch) {
            Subscriber subscriber = subscribers.get(claim.subscriberId());
            if (tooOld(claim.decidedAt())) {
                prepared.add(new Prepared(claim, null, "failed", "not sent within " + giveUpAge() + " of being decided"));
            } else if (subscriber == null || subscriber.state != Subscriber.State.active) {
                prepared.add(new Prepared(claim, null, "cancelled", subscriber == null ? "the subscriber was deleted"
                        : "the subscriber is " + subscriber.state));
            } else {
                sending.add(claim);
            }
        }
        Map<Long, Integer> shown = new HashMap<>();
        sending.forEach(claim -> shown.put(claim.digestId(), subscribers.get(claim.subscriberId()).papers));
        Map<Long, List<DigestView.Item>> items = sending.isEmpty() ? Map.of()
                : views.items(shown.keySet(), shown::get);
        for (Claims.Claim claim : sending) {
            Digest digest = digest(claim);
            Subscriber subscriber = subscribers.get(claim.subscriberId());
            DigestView view = views.forMail(digest, subscriber, items.getOrDefault(claim.digestId(), List.of()),
                    subscriber.papers);
            prepared.add(new Prepared(claim, mail.compose(digest, subscriber, view), null, null));
        }
        return prepared;
    }

    /** What a mail needs of each subscriber (address, state, number of papers, token key), not whole entities. */
    private Map<Long, Subscriber> subscribers(List<Long> ids) {
        Map<Long, Subscriber> subscribers = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id, email, state, papers, token_key from subscriber where id = any(?)")) {
            query.setArray(1, Sql.array(connection, "bigint", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Subscriber subscriber = new Subscriber();
                    subscriber.id = rows.getLong(1);
                    subscriber.email = rows.getString(2);
                    subscriber.state = Subscriber.State.valueOf(rows.getString(3));
                    subscriber.papers = rows.getInt(4);
                    subscriber.tokenKey = rows.getString(5);
                    subscribers.put(subscriber.id, subscriber);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the subscribers of a batch", e);
        }
        return subscribers;
    }

    /** The parts of the digest's row a mail shows, as the claim read them. */
    private static Digest digest(Claims.Claim claim) {
        Digest digest = new Digest();
        digest.id = claim.digestId();
        digest.subscriberId = claim.subscriberId();
        digest.period = claim.period();
        digest.tokenKey = claim.tokenKey();
        return digest;
    }

    /** Whether a digest decided then is older than the give-up age. */
    boolean tooOld(Instant decided) {
        return decided.plus(config.digest().giveUpAfter()).isBefore(Instant.now());
    }

    private String giveUpAge() {
        return config.digest().giveUpAfter().toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
