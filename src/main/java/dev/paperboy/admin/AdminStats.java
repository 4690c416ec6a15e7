package dev.paperboy.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts for the operator: subscribers by state, papers, digests by delivery state. */
@ApplicationScoped
class AdminStats {

    private final EntityManager entityManager;

    AdminStats(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("subscribers", byState("subscriber", List.of("pending", "active", "paused", "bounced", "unsubscribed")));
        counts.put("papers", ((Number) entityManager.createNativeQuery("select count(*) from paper").getSingleResult()).longValue());
        counts.put("deliveries", byState("digest", List.of("queued", "sending", "sent", "retrying", "failed", "empty", "cancelled")));
        return counts;
    }

    private Map<String, Long> byState(String table, List<String> states) {
        Map<String, Long> counts = new LinkedHashMap<>();
        states.forEach(state -> counts.put(state, 0L));
        List<Object[]> rows = entityManager.createNativeQuery("select state, count(*) from " + table + " group by state")
                .getResultList();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
