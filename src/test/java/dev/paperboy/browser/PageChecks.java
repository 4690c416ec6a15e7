package dev.paperboy.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Looks at a page as people do: on a phone (390 px) and a desktop (1280 px), in light and dark mode, by keyboard;
 * text contrast at least 4.5:1, every field labelled, nothing wider than the screen. Saves a screenshot of each.
 */
final class PageChecks {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final String SCRIPT = load();

    private PageChecks() {
    }

    /** Checks the page now shown at both widths and in both colour schemes; screenshots named {@code name-*}. */
    static void assertReadable(Browser browser, String name) {
        List<String> problems = new ArrayList<>();
        for (boolean dark : new boolean[]{false, true}) {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                browser.driver().manage().window().setSize(size);
                String view = (size == PHONE ? "phone" : "desktop") + (dark ? "-dark" : "");
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) browser.driver().executeScript(SCRIPT);
                found.forEach(p -> problems.add(view + ": " + p));
                browser.screenshot(name + "-" + view);
            }
        }
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        browser.driver().manage().window().setSize(DESKTOP);
        assertEquals(List.of(), problems, name + " at " + browser.driver().getCurrentUrl());
    }

    /** Tabbing from the top reaches {@code css} (a field or button), and the focused element shows a ring. */
    static void assertReachableByKeyboard(Browser browser, String css) {
        WebElement target = browser.find(css);
        browser.driver().executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int i = 0; i < 60; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused.equals(target)) {
                String outline = focused.getCssValue("outline-style");
                assertTrue(!"none".equals(outline), css + " has no visible focus ring: outline " + outline);
                return;
            }
        }
        throw new AssertionError(css + " is not reached by tabbing through the page");
    }

    private static String load() {
        try (InputStream in = PageChecks.class.getResourceAsStream("/page-checks.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
