package dev.paperboy.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;

/**
 * The pages for an unknown link (404), an expired form (the CSRF filter's bare 400), a form too large to read (413) and
 * too many tries (429).
 */
public class ErrorPages {

    static final String TOO_LARGE = "the request is larger than this server reads";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance formExpired();

        static native TemplateInstance tooMany(long retryAfter, long retryMinutes);

        static native TemplateInstance tooLarge();
    }

    public static String notFoundPage() {
        return Templates.notFound().render();
    }

    /** The page for a form post that carries no valid CSRF token (or no form at all). */
    static String formExpiredPage() {
        return Templates.formExpired().render();
    }

    /** The page for a client over a rate limit, who may try again in {@code retryAfter} seconds. */
    public static String tooManyPage(long retryAfter) {
        return Templates.tooMany(retryAfter, (retryAfter + 59) / 60).render();
    }

    /** The page for a request too large to read: a form field over its limit, or a body over the body limit. */
    static String tooLargePage() {
        return Templates.tooLarge().render();
    }

    /** The parsed Content-Type, or null when it is missing or does not parse. */
    public static MediaType mediaType(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MediaType.valueOf(header);
        } catch (IllegalArgumentException unparsable) {
            return null;
        }
    }

    /** The API says what is wrong with a request, as JSON (also when the JSON body itself could not be read). */
    @ServerExceptionMapper
    public Response badRequest(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status == 413 && !e.getResponse().hasEntity()) {
            return tooLarge(request);
        }
        if (status != 400 || !request.getUriInfo().getPath().startsWith("/api/")) {
            return e.getResponse();
        }
        Throwable cause = e.getCause();
        String message = cause instanceof JsonProcessingException json ? "invalid JSON: " + json.getOriginalMessage()
                : cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        return apiError(request, status, message);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        return apiError(request, 400, "invalid JSON: " + e.getOriginalMessage());
    }

    private static Response apiError(ContainerRequestContext request, int status, String message) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
        }
        return Response.status(status).build();
    }

    /** A form field over quarkus.http.limits.max-form-attribute-size, or a body read past the body limit. */
    private static Response tooLarge(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return Response.status(413).type(MediaType.APPLICATION_JSON).entity(Map.of("error", TOO_LARGE)).build();
        }
        return Response.status(413).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(tooLargePage()).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            return Response.status(404).type(MediaType.APPLICATION_JSON).entity(Map.of("error", "not found")).build();
        }
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(notFoundPage()).build();
    }

    /** The CSRF filter refuses a form without a body; give the person a way back instead of a blank page. */
    @ServerResponseFilter
    public void formExpired(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 413 && !response.hasEntity()) { // a 413 that did not come through the mapper
            boolean api = request.getUriInfo().getPath().startsWith("/api/");
            response.getHeaders().putSingle("Content-Type", api ? "application/json" : "text/html;charset=UTF-8");
            response.setEntity(api ? Map.of("error", TOO_LARGE) : tooLargePage());
            return;
        }
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())) {
            return;
        }
        MediaType sent = mediaType(request.getHeaderString("Content-Type"));
        if (sent != null && (sent.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || sent.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            response.getHeaders().putSingle("Content-Type", "text/html;charset=UTF-8");
            response.setEntity(Templates.formExpired().render());
        }
    }
}
