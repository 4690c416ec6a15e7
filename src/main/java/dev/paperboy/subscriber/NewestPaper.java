package dev.paperboy.subscriber;

import dev.paperboy.paper.Paper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One of the newest papers the sign-up page shows below the form, so a visitor sees what arrives. */
public record NewestPaper(String title, String link, String authors, String day, String summary) {

    static final int SUMMARY_LENGTH = 320;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static NewestPaper of(Paper paper) {
        Instant when = paper.published != null ? paper.published : paper.ingestedAt;
        return new NewestPaper(paper.title, paper.link(), paper.authorLine(), when == null ? "" : DAY.format(when),
                paper.shortAbstract(SUMMARY_LENGTH));
    }
}
