package org.carecycle.providers;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.carecycle.HttpVisitor;
import org.carecycle.ServerTest;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files far bigger than anyone should upload, sent over real HTTP as a browser sends
 * them, get a clear message on the page they came from and change nothing.
 */
@ServerTest
class LargeUploadTests {

	private static final byte[] ROWS = """
			1-9999999999,A very large file,Y,Social Care Org,Cornwall,TR1 2QD,20,1-9999999990,Big Files Ltd,Y
			""".repeat(1000).getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHundredMegabyteCqcFileIsRefusedOnTheUploadPage() throws Exception {
		assertRefusedOnTheUploadPage(100L * 1024 * 1024);
	}

	@Test
	void aFileBeyondWhatTheServerAcceptsIsRefusedOnTheUploadPageToo() throws Exception {
		assertRefusedOnTheUploadPage(300L * 1024 * 1024);
	}

	private void assertRefusedOnTheUploadPage(long size) throws Exception {
		long jobs = this.jdbc.sql("select count(*) from import_job").query(Long.class).single();
		HttpVisitor officer = new HttpVisitor(this.port).signedInAs(Role.QA_OFFICER);
		String csrf = HttpVisitor.csrf(officer.get("/imports").body());
		HttpResponse<String> response = officer.postFile("/imports", Map.of("_csrf", csrf, "scope", "area"), "file",
				"HSCA_Active_Locations.csv", ROWS, size);
		String page = response.body();
		if (response.statusCode() == 302 || response.statusCode() == 303) {
			String location = response.headers().firstValue("Location").orElseThrow();
			assertThat(location).endsWith("/imports");
			page = officer.get("/imports").body();
		}
		else {
			assertThat(response.statusCode()).as(page).isEqualTo(200);
		}
		assertThat(page).contains("<title>Error: Import CQC data", "The selected file must be smaller than 80 MB");
		assertThat(this.jdbc.sql("select count(*) from import_job").query(Long.class).single()).isEqualTo(jobs);
	}

}
