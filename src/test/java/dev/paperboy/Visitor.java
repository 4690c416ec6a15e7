package dev.paperboy;

import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person with a browser's cookie jar: opens a page, then sends its form back with the hidden CSRF field. */
public final class Visitor {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();

    public RequestSpecification given() {
        return RestAssured.given().filter(cookies).redirects().follow(false);
    }

    public Response open(String path) {
        return given().get(path);
    }

    /** Opens {@code page}, then posts {@code fields} plus the page's CSRF token to {@code action}. */
    public Response submit(String page, String action, Map<String, ?> fields) {
        return submit(page, action, fields, Map.of());
    }

    /** {@link #submit(String, String, Map)} with extra headers on the post (say, a proxy's X-Forwarded-For). */
    public Response submit(String page, String action, Map<String, ?> fields, Map<String, String> headers) {
        String html = open(page).then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on " + page);
        }
        return given().headers(headers).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields).formParam("csrf", csrf.group(1)).post(action);
    }
}
