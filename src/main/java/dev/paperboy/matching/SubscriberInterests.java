package dev.paperboy.matching;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what a batch of subscribers follow, in one query, for ranking. */
@ApplicationScoped
class SubscriberInterests {

    /** What ranking needs of one subscriber: the interests as saved, and whether they asked for trending papers. */
    record Profile(List<String> interests, boolean trending) {
    }

    private final AgroalDataSource dataSource;

    SubscriberInterests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<Long, Profile> profiles(Collection<Long> subscriberIds) {
        Map<Long, Profile> profiles = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select id, interests, trending from subscriber where id = any(?)")) {
            q.setArray(1, c.createArrayOf("bigint", subscriberIds.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    profiles.put(rows.getLong(1), new Profile(List.of((String[]) rows.getArray(2).getArray()),
                            rows.getBoolean(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the interests of a batch of subscribers", e);
        }
        return profiles;
    }
}
