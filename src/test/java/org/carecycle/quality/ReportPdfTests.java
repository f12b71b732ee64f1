package org.carecycle.quality;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecycle.ApplicationTest;
import org.carecycle.identity.ProviderScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as a PDF comes from the same fragment as the page: it names the service,
 * gives the overall rating and shows how the rating was worked out. Pages 1 and 2 are
 * also drawn as pictures under target/report-pdf, to look at.
 */
@ApplicationTest
class ReportPdfTests {

	private static final Path PICTURES = Path.of("target/report-pdf");

	@Autowired
	Reviews reviews;

	@Autowired
	ReportPdf reportPdf;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	private ReviewSteps steps;

	@BeforeEach
	void steps() {
		this.steps = new ReviewSteps(this.reviews, this.jdbc, this.users, this.clock);
	}

	@AfterEach
	void emails() {
		this.steps.markEmailsSent();
	}

	@Test
	void theReportPdfNamesTheServiceGivesTheRatingAndShowsHowItWasWorkedOut() throws IOException {
		UUID id = this.steps.sentToProvider(this.steps.ownService(), ReviewSteps.TWO_BELOW_GOOD);
		ReportView draft = this.reviews.report(id, ProviderScope.everything());

		String text = text(this.reportPdf.render(draft), "draft");
		assertThat(text).contains(draft.serviceName(), draft.review().reference(), "Draft quality assurance report",
				"How the rating was worked out", "Step 1: each domain", "Safeguarding and safety", "Overall rating",
				"Requires improvement", "Limited to", "Management of medicines");
		assertThat(draft.review().overallRating()).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);

		this.steps.respondAndPublish(id);
		ReportView published = this.reviews.report(id, ProviderScope.everything());
		String final_ = text(this.reportPdf.render(published), "published");
		assertThat(final_)
			.contains(published.serviceName(), "Quality assurance report", "Published", "How the rating was worked out",
					"Action plan")
			.doesNotContain("Draft quality assurance report");
	}

	private static String text(byte[] pdf, String name) throws IOException {
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		Files.createDirectories(PICTURES);
		Files.write(PICTURES.resolve(name + ".pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page = 0; page < Math.min(2, document.getNumberOfPages()); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 110);
				ImageIO.write(image, "png", PICTURES.resolve(name + "-page-" + (page + 1) + ".png").toFile());
			}
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
