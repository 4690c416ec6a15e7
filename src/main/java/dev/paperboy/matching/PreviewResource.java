package dev.paperboy.matching;

import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.SubscriptionChoices;
import dev.paperboy.system.PaperboyConfig;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** What one interest would bring from the recent window, ranked, each paper with its score and why. */
@Path("/api/preview")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    static final int MAX_LIMIT = 50;

    private final MatchingService matching;
    private final PaperboyConfig config;

    PreviewResource(MatchingService matching, PaperboyConfig config) {
        this.matching = matching;
        this.config = config;
    }

    @GET
    @Transactional
    @Operation(summary = "The papers of the recent window one interest would bring, ranked, each with score and why")
    public List<PreviewItem> preview(@QueryParam("interest") String interest, @QueryParam("limit") String limit) {
        if (interest == null || interest.isBlank() || interest.length() > SubscriptionChoices.MAX_INTEREST_LENGTH) {
            throw new BadRequestException("interest must have 1 to " + SubscriptionChoices.MAX_INTEREST_LENGTH + " characters");
        }
        int count = limit == null || limit.isBlank() ? config.digest().maxPapers() : parse(limit);
        if (count < 1 || count > MAX_LIMIT) {
            throw new BadRequestException("limit must be from 1 to " + MAX_LIMIT);
        }
        return matching.preview(interest, count).stream()
                .map(match -> PreviewItem.of(Paper.findById(match.paperId()), match))
                .toList();
    }

    private static int parse(String limit) {
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One ranked paper of a preview. */
    public record PreviewItem(long id, String title, String url, float score, String why) {
        static PreviewItem of(Paper paper, Match match) {
            return new PreviewItem(paper.id, paper.title, paper.link(), match.score(), match.reason());
        }
    }
}
