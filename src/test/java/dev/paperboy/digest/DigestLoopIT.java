package dev.paperboy.digest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The whole loop again, against the packaged jar started as an operator starts it. */
@QuarkusIntegrationTest
class DigestLoopIT extends DigestLoopTest {
}
