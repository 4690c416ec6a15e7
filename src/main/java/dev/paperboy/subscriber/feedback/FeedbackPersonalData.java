package dev.paperboy.subscriber.feedback;

import dev.paperboy.subscriber.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** The subscriber's "more like this" and "less like this", for their data export: which paper, which way, when. */
@ApplicationScoped
class FeedbackPersonalData implements PersonalData {

    private final Feedbacks feedbacks;

    FeedbackPersonalData(Feedbacks feedbacks) {
        this.feedbacks = feedbacks;
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public Object export(long subscriberId) {
        return feedbacks.of(subscriberId).stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("paper", entry.title());
            row.put("choice", entry.more() ? "more like this" : "less like this");
            row.put("at", entry.at());
            return row;
        }).toList();
    }
}
