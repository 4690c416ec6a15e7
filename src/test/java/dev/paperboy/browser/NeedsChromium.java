package dev.paperboy.browser;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A browser test: skipped with the install command when Chromium is absent, except under CI, where it must run. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ChromiumCondition.class)
public @interface NeedsChromium {
}
