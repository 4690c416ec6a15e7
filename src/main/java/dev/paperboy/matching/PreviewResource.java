package dev.paperboy.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.subscriber.SubscriptionChoices;
import dev.paperboy.subscriber.interest.InterestLanguage;
import dev.paperboy.subscriber.interest.InterestRefused;
import dev.paperboy.subscriber.interest.ParsedInterest;
import dev.paperboy.system.PaperboyConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one interest would bring from the recent window, ranked as a first digest is, each paper with its score
 * and why (the matched words marked in its title and snippet), then, up to the limit, the next best marked as not
 * in the digest. An interest the language refuses gets a 400 that says what is wrong and at which character.
 */
@Path("/api/preview")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    static final int MAX_LIMIT = Match.MAX_LISTED;
    private static final int REMEMBERED = 10_000;

    /** Interests as the language read them, by text: a person typing asks for the same words again and again. */
    private final Map<String, Object> parsed = new ConcurrentHashMap<>();
    /** Answers as sent, by limit and interest, with the ranking they were written from. */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(List<MatchingService.Previewed> previewed, byte[] json) {
    }

    private final MatchingService matching;
    private final PaperboyConfig config;

    private final ObjectMapper mapper;

    PreviewResource(MatchingService matching, PaperboyConfig config, ObjectMapper mapper) {
        this.matching = matching;
        this.config = config;
        this.mapper = mapper;
    }

    private byte[] json(List<PreviewItem> items) {
        try {
            return mapper.writeValueAsBytes(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a preview", e);
        }
    }

    @GET
    @Operation(summary = "The papers of the recent window one interest would bring, ranked, each with score and why;"
            + " then the next best, not in the digest")
    @APIResponse(responseCode = "200", description = "Best first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PreviewItem.class)))
    @APIResponse(responseCode = "400", description = "The interest language refuses the interest, or a bad limit: what and where",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Refusal.class)))
    public Response preview(@QueryParam("interest") String interest, @QueryParam("limit") String limit) {
        if (interest == null || interest.isBlank() || interest.length() > SubscriptionChoices.MAX_INTEREST_LENGTH) {
            return refused("The interest must have 1 to " + SubscriptionChoices.MAX_INTEREST_LENGTH + " characters.", 0);
        }
        int count = limit == null || limit.isBlank() ? config.digest().maxPapers() : parse(limit);
        if (count < 1 || count > MAX_LIMIT) {
            return refused("The limit must be from 1 to " + MAX_LIMIT + ".", 0);
        }
        Object read = parsed.computeIfAbsent(interest, PreviewResource::read);
        if (read instanceof InterestRefused e) {
            return refused(e.getMessage(), e.position());
        }
        if (parsed.size() > REMEMBERED) {
            parsed.clear();
        }
        List<MatchingService.Previewed> previewed = matching.previewWithNextBest((ParsedInterest) read, count);
        String key = count + ":" + interest;
        Answer known = answers.get(key);
        if (known == null || known.previewed() != previewed) { // the same list while the index lasts
            known = new Answer(previewed, json(previewed.stream().map(PreviewItem::of).toList()));
            if (answers.size() > REMEMBERED) {
                answers.clear();
            }
            answers.put(key, known);
        }
        return Response.ok(known.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The interest language's answer, parsed or refused. */
    private static Object read(String interest) {
        try {
            return InterestLanguage.parse(interest);
        } catch (InterestRefused e) {
            return e;
        }
    }

    private static Response refused(String message, int position) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new Refusal(message, position)).build();
    }

    private static int parse(String limit) {
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Why an interest or a limit was refused; {@code position} is the 1-based character, 0 for the whole. */
    public record Refusal(String error, int position) {
    }

    /**
     * One ranked paper of a preview: {@code why} in words, and the title and snippet as plain text and as HTML
     * where everything is escaped but the {@code <mark>} around matched words.
     */
    public record PreviewItem(long id, String title, String url, float score, String why, String titleHtml,
                              String snippet, String snippetHtml, boolean inDigest) {
        static PreviewItem of(MatchingService.Previewed p) {
            return new PreviewItem(p.paper().id(), p.paper().title(), p.paper().link(), p.match().score(),
                    p.why().reason(), p.why().titleHtml(), p.why().snippet(), p.why().snippetHtml(), p.inDigest());
        }
    }
}
