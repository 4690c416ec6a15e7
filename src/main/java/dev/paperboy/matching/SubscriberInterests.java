package dev.paperboy.matching;

import dev.paperboy.matching.semantic.Vectors;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what a batch of subscribers follow, in one query, for ranking. */
@ApplicationScoped
class SubscriberInterests {

    /**
     * What ranking needs of one subscriber: the interests as saved, whether they asked for trending papers, and what
     * they said of papers ("more/less like this"; {@link Taste#NONE} for most people).
     */
    record Profile(List<String> interests, boolean trending, Taste taste) {
        Profile(List<String> interests, boolean trending) {
            this(interests, trending, Taste.NONE);
        }
    }

    private final AgroalDataSource dataSource;

    SubscriberInterests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One query for the batch: a person without feedback costs one probe of the feedback table's key. */
    Map<Long, Profile> profiles(Collection<Long> subscriberIds) {
        Map<Long, Profile> profiles = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select s.id, s.interests, s.trending, f.more, f.vectors, f.titles from subscriber s
                left join lateral (
                    select array_agg(pf.more order by pf.paper_id) as more,
                           array_agg(v.vector order by pf.paper_id) as vectors,
                           array_agg(p.title order by pf.paper_id) as titles
                    from (select paper_id, more from paper_feedback where subscriber_id = s.id
                          order by created_at desc limit %d) pf
                    join paper_vector v on v.paper_id = pf.paper_id join paper p on p.id = pf.paper_id) f on true
                where s.id = any(?)""".formatted(Taste.MOST_CHOICES))) {
            q.setArray(1, c.createArrayOf("bigint", subscriberIds.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    profiles.put(rows.getLong(1), new Profile(List.of((String[]) rows.getArray(2).getArray()),
                            rows.getBoolean(3), taste(rows.getArray(4), rows.getArray(5), rows.getArray(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the interests of a batch of subscribers", e);
        }
        return profiles;
    }

    private static Taste taste(Array more, Array vectors, Array titles) throws SQLException {
        if (more == null) {
            return Taste.NONE;
        }
        Boolean[] isMore = (Boolean[]) more.getArray();
        byte[][] bytes = (byte[][]) vectors.getArray();
        String[] title = (String[]) titles.getArray();
        List<float[]> liked = new ArrayList<>();
        List<String> likedTitles = new ArrayList<>();
        List<float[]> disliked = new ArrayList<>();
        for (int i = 0; i < isMore.length; i++) {
            if (isMore[i]) {
                liked.add(Vectors.fromBytes(bytes[i]));
                likedTitles.add(title[i]);
            } else {
                disliked.add(Vectors.fromBytes(bytes[i]));
            }
        }
        return new Taste(liked.toArray(float[][]::new), likedTitles.toArray(String[]::new),
                disliked.toArray(float[][]::new));
    }
}
