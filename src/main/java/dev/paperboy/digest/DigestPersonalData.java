package dev.paperboy.digest;

import dev.paperboy.subscriber.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subscriber's digests for their data export: each with its state and dates, and its papers with why. */
@ApplicationScoped
class DigestPersonalData implements PersonalData {

    private final EntityManager entityManager;

    DigestPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "digests";
    }

    @Override
    public Object export(long subscriberId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select d.id, d.period, d.state, d.created_at, d.sent_at, dp.position, p.title, p.url, dp.score, dp.reason
                        from digest d
                        left join digest_paper dp on dp.digest_id = d.id
                        left join paper p on p.id = dp.paper_id
                        where d.subscriber_id = ?1
                        order by d.id, dp.position""")
                .setParameter(1, subscriberId).getResultList();
        Map<Long, Map<String, Object>> digests = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Map<String, Object> digest = digests.computeIfAbsent(((Number) row[0]).longValue(), id -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("period", row[1]);
                d.put("state", row[2]);
                d.put("decidedAt", row[3]);
                d.put("sentAt", row[4]);
                d.put("papers", new ArrayList<Map<String, Object>>());
                return d;
            });
            if (row[5] != null) {
                Map<String, Object> paper = new LinkedHashMap<>();
                paper.put("position", row[5]);
                paper.put("title", row[6]);
                paper.put("url", row[7]);
                paper.put("score", row[8]);
                paper.put("why", row[9]);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> papers = (List<Map<String, Object>>) digest.get("papers");
                papers.add(paper);
            }
        }
        return List.copyOf(digests.values());
    }
}
