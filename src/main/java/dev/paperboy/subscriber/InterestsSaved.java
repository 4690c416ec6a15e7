package dev.paperboy.subscriber;

import java.util.List;

/** Fired when interests are saved (sign-up, preferences, an operator's import); observed after the commit. */
public record InterestsSaved(List<String> interests) {
}
