package org.carecycle.providers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploading a CQC file in the browser's way, and following the import. */
@ApplicationTest
class ImportPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void uploadsAFileAndFollowsTheImportToItsReport() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		String csv = """
				Location ID,Location Name,Care home?,Location Type/Sector,Location Local Authority,Location Postal Code,Care homes beds,Provider ID,Provider Name,Service type - Care home service without nursing
				1-9888000001,Upload House,Y,Social Care Org,Cornwall,TR1 2QD,20,1-9888000000,Upload Care Ltd,Y
				1-9888000002,Nowhere House,Y,Social Care Org,Cornwall,NOT A POSTCODE,20,1-9888000000,Upload Care Ltd,Y
				""";
		String location = this.mvc
			.perform(multipart("/imports")
				.file(new MockMultipartFile("file", "HSCA_Active_Locations.csv", "text/csv",
						csv.getBytes(StandardCharsets.UTF_8)))
				.param("scope", "area")
				.with(csrf())
				.session(commissioner))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String progress;
		do {
			Thread.sleep(100);
			progress = this.mvc.perform(get(location + "/progress").session(commissioner))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		while (!progress.contains("\"finished\":true") && Instant.now().isBefore(deadline));
		assertThat(progress).contains("\"status\":\"SUCCEEDED\"", "\"created\":1", "\"rejected\":1");
		this.mvc.perform(get(location).session(commissioner))
			.andExpect(content().string(containsString("Finished")))
			.andExpect(content().string(containsString("Download the 1 refused rows")));
		this.mvc.perform(get(location + "/refused.csv").session(commissioner))
			.andExpect(content().string(containsString("The postcode NOT A POSTCODE is not a real postcode")));
	}

	@Test
	void refusesAnUnreadableFileOnTheUploadPage() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc
			.perform(multipart("/imports")
				.file(new MockMultipartFile("file", "photo.csv", "text/csv",
						new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 }))
				.param("scope", "all")
				.with(csrf())
				.session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Error: Import CQC data")))
			.andExpect(content().string(containsString("href=\"#file\">The selected file must be a CSV")));
		this.mvc.perform(multipart("/imports").param("scope", "all").with(csrf()).session(officer))
			.andExpect(content().string(containsString("Select a file")));
	}

}
