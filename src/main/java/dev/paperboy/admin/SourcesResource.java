package dev.paperboy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.source.InvalidSource;
import dev.paperboy.paper.source.PollReport;
import dev.paperboy.paper.source.SourcePoller;
import dev.paperboy.paper.source.SourceSpec;
import dev.paperboy.paper.source.Sources;
import dev.paperboy.paper.source.SourceView;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The paper sources of the admin API: list, add or replace, poll now, remove; and polling them all at once. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    private static final Set<String> FIELDS = Set.of("name", "kind", "url", "query", "set", "every", "enabled");

    private final Sources sources;
    private final SourcePoller poller;
    private final ObjectMapper json;

    SourcesResource(Sources sources, SourcePoller poller, ObjectMapper json) {
        this.sources = sources;
        this.poller = poller;
        this.json = json;
    }

    @Operation(summary = "The paper sources, each with its last poll and error")
    @GET
    @Path("sources")
    public List<SourceView> list() {
        return sources.list();
    }

    @Operation(summary = "One paper source and its status")
    @GET
    @Path("sources/{name}")
    public SourceView one(@PathParam("name") String name) {
        return sources.find(name).orElseThrow(NotFoundException::new);
    }

    /** Adds the source, or replaces the one of the same name: 201 when new, 200 when replaced; 400 changes nothing. */
    @Operation(summary = "Add a paper source, or replace the one of the same name")
    @POST
    @Path("sources")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(String body) {
        SourceSpec spec = read(body);
        boolean created = sources.save(spec, "api");
        return Response.status(created ? 201 : 200).entity(sources.find(spec.name()).orElseThrow()).build();
    }

    /** Polls the source now (also a paused one): 200 with what it added, 502 when the poll failed. */
    @Operation(summary = "Poll one source now, also a paused one")
    @POST
    @Path("sources/{name}/poll")
    public Response poll(@PathParam("name") String name) {
        try {
            PollReport report = poller.poll(name);
            return Response.status(report.failed() ? 502 : 200).entity(report).build();
        } catch (SourcePoller.NoSuchSource e) {
            throw new NotFoundException(e.getMessage());
        } catch (SourcePoller.SourceBusy e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @Operation(summary = "Remove a paper source")
    @DELETE
    @Path("sources/{name}")
    public Response delete(@PathParam("name") String name) {
        if (!sources.delete(name)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** Polls every enabled source now, one after the other, and answers what each added. */
    @Operation(summary = "Poll every enabled source now")
    @POST
    @Path("ingest")
    public Map<String, Object> ingest() {
        List<PollReport> reports = poller.pollAll();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("added", reports.stream().mapToInt(PollReport::added).sum());
        answer.put("failed", reports.stream().filter(PollReport::failed).count());
        answer.put("sources", reports);
        if (reports.isEmpty()) {
            answer.put("note", "no sources configured: add one with POST /api/admin/sources");
        }
        return answer;
    }

    private SourceSpec read(String body) {
        JsonNode source = JsonBodies.read(json, body);
        if (source == null || !source.isObject()) {
            throw new BadRequestException("expected a JSON object {name, kind, url?, query?, set?, every?, enabled?}");
        }
        source.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new BadRequestException("unknown field " + field + "; a source has name, kind, url, query, set, every, enabled");
            }
        });
        JsonNode enabled = source.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw new BadRequestException("enabled must be true or false");
        }
        try {
            return SourceSpec.of(text(source, "name"), text(source, "kind"), text(source, "url"), text(source, "query"),
                    text(source, "set"), text(source, "every"), enabled == null || enabled.isNull() ? null : enabled.booleanValue());
        } catch (InvalidSource e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        return JsonBodies.text(node, field, "");
    }
}
