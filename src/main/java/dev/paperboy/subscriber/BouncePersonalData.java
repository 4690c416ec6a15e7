package dev.paperboy.subscriber;

import dev.paperboy.subscriber.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bounces of a subscriber's mail, for their data export: which digest, hard or soft, why and when. */
@ApplicationScoped
class BouncePersonalData implements PersonalData {

    private final EntityManager entityManager;

    BouncePersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "bounces";
    }

    @Override
    public Object export(long subscriberId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select mail_key, hard, reason, received_at from subscriber_bounce
                        where subscriber_id = ?1 order by received_at, mail_key""")
                .setParameter(1, subscriberId).getResultList();
        return rows.stream().map(row -> {
            Map<String, Object> bounce = new LinkedHashMap<>();
            bounce.put("mail", row[0]);
            bounce.put("hard", row[1]);
            bounce.put("reason", row[2]);
            bounce.put("receivedAt", row[3]);
            return bounce;
        }).toList();
    }
}
