package dev.paperboy.subscriber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.ImportResult;
import dev.paperboy.system.Secrets;
import dev.paperboy.system.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's list of subscribers, moved in at once: every entry is checked first (as the form checks it), then
 * the good ones are written a chunk per transaction, each chunk one multi-row insert; an address already known, or
 * given twice, is a duplicate and left as it is. Imported subscribers are active at once (the operator vouches).
 */
@ApplicationScoped
class SubscriberImport {

    private static final Logger LOG = Logger.getLogger(SubscriberImport.class);

    /** Subscribers per transaction: large enough to amortize the commit, small enough to keep locks short. */
    static final int CHUNK = 1_000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    private final Event<InterestsSaved> interestsSaved;

    SubscriberImport(AgroalDataSource dataSource, ObjectMapper json, Event<InterestsSaved> interestsSaved) {
        this.interestsSaved = interestsSaved;
        this.dataSource = dataSource;
        this.json = json;
    }

    ImportResult importAll(List<SubscriptionService.ImportedSubscriber> people) {
        List<String> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < people.size(); i++) {
            SubscriptionService.ImportedSubscriber person = people.get(i);
            if (person == null) {
                errors.add("subscriber " + (i + 1) + ": not an object");
                rejected++;
                continue;
            }
            Map<String, String> problems = new HashMap<>();
            Optional<String> email = EmailAddress.check(person.email());
            if (email.isEmpty()) {
                problems.put("email", EmailAddress.refusal(person.email()).equals(EmailAddress.QUOTED)
                        ? "a quoted or escaped address is not accepted" : "not a valid email address");
            }
            Optional<SubscriptionChoices> choices = SubscriptionChoices.check(person.interests(), person.cadence(),
                    person.hour(), person.timezone(), person.weekday(), person.papers(), person.trending(), problems);
            if (!problems.isEmpty()) {
                errors.add("subscriber " + (i + 1) + ": " + String.join("; ", problems.values()));
                rejected++;
            } else if (!keys.add(Subscriber.emailKey(email.get()))) {
                duplicates++; // the same address earlier in this list
            } else {
                checked.add(new Checked(email.get(), choices.get()));
            }
        }
        int added = 0;
        for (int from = 0; from < checked.size(); from += CHUNK) {
            List<Checked> chunk = checked.subList(from, Math.min(checked.size(), from + CHUNK));
            added += QuarkusTransaction.requiringNew().call(() -> {
                // their vectors are computed once the chunk commits
                interestsSaved.fire(new InterestsSaved(chunk.stream().flatMap(c -> c.choices().interests().stream())
                        .distinct().toList()));
                return insert(chunk);
            });
        }
        if (added >= CHUNK) {
            analyze();
        }
        return new ImportResult(people.size(), added, duplicates + checked.size() - added, rejected, errors);
    }

    /**
     * Statistics for the tables a list just grew, at once: a run right after the import otherwise plans its queries of
     * subscribers blind (autovacuum's first look comes a minute or more later). Blind, planning's lock of a batch's
     * subscribers ran as a scan of every active one, each checked against the batch's 250 ids (30-150 ms a batch at
     * 20,000, 3-6 times its cost with statistics), and composing's read of a batch's subscribers as a scan of the table.
     */
    private void analyze() {
        try (Connection connection = dataSource.getConnection();
             Statement analyze = connection.createStatement()) {
            analyze.execute("analyze subscriber, subscriber_look");
        } catch (SQLException e) {
            // the list is in and committed: an answer of failure would be false, and planning works without statistics
            LOG.warnf("Could not analyze the subscribers just imported (planning will read them more slowly): %s",
                    e.getMessage());
        }
    }

    /** Inserts a chunk in one statement; returns how many were new (a known address is left as it is). */
    private int insert(List<Checked> chunk) throws SQLException, JsonProcessingException {
        List<String> tokens = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> emailKeys = new ArrayList<>();
        List<String> interests = new ArrayList<>();
        List<String> cadences = new ArrayList<>();
        List<Integer> hours = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        List<Integer> weekdays = new ArrayList<>();
        List<Integer> papers = new ArrayList<>();
        List<Boolean> trending = new ArrayList<>();
        for (Checked one : chunk) {
            weekdays.add(one.choices().weekday().getValue());
            tokens.add(Secrets.randomToken(16));
            emails.add(one.email());
            emailKeys.add(Subscriber.emailKey(one.email()));
            interests.add(json.writeValueAsString(one.choices().interests()));
            cadences.add(one.choices().cadence().name());
            hours.add(one.choices().hour());
            zones.add(one.choices().timezone());
            papers.add(one.choices().papers());
            trending.add(one.choices().trending());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into subscriber (token_key, email, email_key, state, interests, cadence, hour, timezone,
                                             weekday, papers, trending, confirmed_at)
                     select k.token, k.email, k.email_key, 'active',
                            array(select i.interest from jsonb_array_elements_text(k.interests::jsonb)
                                  with ordinality as i(interest, n) order by i.n),
                            k.cadence, k.hour, k.zone, k.weekday, k.papers, k.trending, now()
                     from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[],
                                 ?::int[], ?::boolean[])
                          as k(token, email, email_key, interests, cadence, hour, zone, weekday, papers, trending)
                     on conflict (email_key) do nothing
                     returning id""")) {
            insert.setArray(1, Sql.array(connection, "text", tokens));
            insert.setArray(2, Sql.array(connection, "text", emails));
            insert.setArray(3, Sql.array(connection, "text", emailKeys));
            insert.setArray(4, Sql.array(connection, "text", interests));
            insert.setArray(5, Sql.array(connection, "text", cadences));
            insert.setArray(6, Sql.array(connection, "int", hours));
            insert.setArray(7, Sql.array(connection, "text", zones));
            insert.setArray(8, Sql.array(connection, "int", weekdays));
            insert.setArray(9, Sql.array(connection, "int", papers));
            insert.setArray(10, Sql.array(connection, "boolean", trending));
            int added = 0;
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    added++;
                }
            }
            return added;
        }
    }

    /** An entry that passed the checks: its address as written, and its choices. */
    private record Checked(String email, SubscriptionChoices choices) {
    }
}
