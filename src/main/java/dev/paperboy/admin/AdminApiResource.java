package dev.paperboy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.digest.DigestRunner;
import dev.paperboy.digest.RunReport;
import dev.paperboy.paper.ImportResult;
import dev.paperboy.paper.PaperImporter;
import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.format.PaperFormats;
import dev.paperboy.subscriber.SubscriptionService;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator's API: imports, digest runs and their progress, counts (sources: {@link SourcesResource}). Guarded by {@link AdminAuth}. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminApiResource {

    private final PaperFormats formats;
    private final PaperImporter importer;
    private final SubscriptionService subscriptions;
    private final DigestRunner runner;
    private final AdminStats stats;
    private final ObjectMapper json;

    AdminApiResource(PaperFormats formats, PaperImporter importer, SubscriptionService subscriptions,
                     DigestRunner runner, AdminStats stats, ObjectMapper json) {
        this.json = json;
        this.formats = formats;
        this.importer = importer;
        this.subscriptions = subscriptions;
        this.runner = runner;
        this.stats = stats;
    }

    /**
     * Papers in any supported format, chosen by Content-Type (and for XML by the root element): a document that
     * cannot be read adds nothing and says why; each bad entry of one that can is rejected with its reason.
     */
    @Operation(summary = "Import papers in any supported format, chosen by Content-Type")
    @RequestBody(description = "Paperboy's own JSON list or Hugging Face's daily papers (application/json), the arXiv"
            + " API (application/atom+xml), RSS (application/rss+xml), OAI-PMH (application/xml)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = "application/atom+xml"),
            @Content(mediaType = "application/rss+xml"), @Content(mediaType = MediaType.APPLICATION_XML)})
    @APIResponse(responseCode = "200", description = "What the import did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "A document that cannot be read: nothing added")
    @APIResponse(responseCode = "413", description = "A document over the size limit: nothing added")
    @APIResponse(responseCode = "415", description = "A Content-Type no format is read from")
    @POST
    @Path("papers")
    @Consumes(MediaType.WILDCARD)
    public Response importPapers(@HeaderParam("Content-Type") String contentType, InputStream body) {
        try {
            return Response.ok(importer.importPapers(formats.parse(contentType, body))).build();
        } catch (PaperFormats.UnsupportedType e) {
            return error(415, e.getMessage());
        } catch (ParsedPapers.TooLarge e) {
            return error(413, e.getMessage());
        } catch (ParsedPapers.MalformedDocument e) {
            return error(400, e.getMessage());
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    @Operation(summary = "Import subscribers an operator vouches for: active at once")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionService.ImportedSubscriber.class)))
    @POST
    @Path("subscribers")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportResult importSubscribers(String body) {
        JsonNode list = JsonBodies.read(json, body);
        if (list == null || !list.isArray()) {
            throw new BadRequestException("expected a JSON list of subscribers");
        }
        List<SubscriptionService.ImportedSubscriber> people = new ArrayList<>();
        for (JsonNode person : list) {
            people.add(person.isObject() ? readPerson(person, people.size() + 1) : null);
        }
        return subscriptions.importSubscribers(people);
    }

    /** One entry; a field of the wrong type makes the whole document unreadable, so nobody of it is stored. */
    private static SubscriptionService.ImportedSubscriber readPerson(JsonNode person, int number) {
        JsonNode interests = person.get("interests");
        List<String> texts = null;
        if (interests != null && !interests.isNull()) {
            if (!interests.isArray()) {
                throw new BadRequestException("subscriber " + number + ": interests must be a list of strings");
            }
            texts = new ArrayList<>();
            for (JsonNode interest : interests) {
                if (!interest.isValueNode()) {
                    throw new BadRequestException("subscriber " + number + ": interests must be a list of strings");
                }
                texts.add(interest.asText());
            }
        }
        JsonNode trending = person.get("trending");
        if (trending != null && !trending.isNull() && !trending.isBoolean()) {
            throw new BadRequestException("subscriber " + number + ": trending must be true or false");
        }
        return new SubscriptionService.ImportedSubscriber(text(person, "email", number), texts,
                text(person, "cadence", number), text(person, "hour", number), text(person, "timezone", number),
                text(person, "weekday", number), text(person, "papers", number),
                trending != null && trending.asBoolean());
    }

    private static String text(JsonNode node, String field, int number) {
        return JsonBodies.text(node, field, "subscriber " + number + ": ");
    }

    /**
     * {@code {"force": true}} serves everyone whose current period has no digest yet; {@code at} runs as of that
     * instant (more than a day ahead is logged as a warning); no body is a run of the clock now. Read field by field,
     * so a typo ({@code "forse"}) or a wrong type is a 400 that names it rather than a different run than the one
     * asked for.
     */
    @Operation(summary = "Start a digest run now (forced, or as of another instant)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunRequest.class)))
    @POST
    @Path("digests/run")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Map<String, Long> runDigests(String body) {
        RunRequest request = RunRequest.read(json, body);
        boolean force = Boolean.TRUE.equals(request.force());
        Instant at = request.moment(Instant.now());
        return Map.of("runId", runner.request(force, at));
    }

    @Operation(summary = "Progress and result of one digest run")
    @GET
    @Path("runs/{id}")
    public RunReport run(@PathParam("id") long id) {
        return RunReport.of(id).orElseThrow(NotFoundException::new);
    }

    @Operation(summary = "Counts of subscribers by state, papers, and digests by delivery state")
    @GET
    @Path("stats")
    public Map<String, Object> stats() {
        return stats.counts();
    }
}
