package org.carecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.carecycle.demo.DemoCountyForTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full-application test of the {@code production} profile on a real server on a random
 * port, reached as the council reaches it: through a TLS-terminating proxy (see
 * {@link ThroughTheProxy}). The profile's database is the tests' shared PostgreSQL, named
 * by its URL as a production server is. Two things differ from production: the demo
 * county is loaded by the tests ({@link DemoCountyForTests}: the profile refuses demo
 * mode), so that tests can sign in; and the public rate limit refills at one request
 * every five seconds instead of two a second (its burst is the shipped 60), so that a
 * test asking for pages one at a time runs out of its allowance however slow the machine
 * is. Every such test shares one cached context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "carecycle.rate-limit.public-per-second=0.2", "BASE_URL=https://localhost" })
@ActiveProfiles("production")
@Import(DemoCountyForTests.class)
public @interface ProductionServerTest {

}
