package org.carecycle.commissioning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.carecycle.shared.Council;
import org.carecycle.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * A published version of the Market Position Statement as a PDF, laid out by
 * openhtmltopdf from the body the version kept, as the quality module does for review
 * reports ({@code quality.ReportPdf}): fonts embedded, nothing outside the application
 * fetched.
 */
@Service
public class MarketPositionPdf {

	private static final String FONT = "Liberation Sans";

	private final ITemplateEngine templates;

	private final Dates dates;

	private final Council council;

	MarketPositionPdf(ITemplateEngine templates, Dates dates, Council council) {
		this.templates = templates;
		this.dates = dates;
		this.council = council;
	}

	public byte[] render(MarketPosition.PublishedVersion version) {
		Context context = new Context(Locale.forLanguageTag("en-GB"));
		context.setVariable("version", version);
		context.setVariable("dates", this.dates);
		context.setVariable("council", this.council);
		String html = this.templates.process("commissioning/mps-pdf", context);
		org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			byte[] regular = font("fonts/LiberationSans-Regular.ttf");
			byte[] bold = font("fonts/LiberationSans-Bold.ttf");
			// the generic families too, so that whatever falls back to a default (a page
			// margin box, a list marker) is drawn in the embedded font, as PDF/UA
			// requires
			for (String family : new String[] { FONT, "serif", "sans-serif", "monospace" }) {
				builder.useFont(() -> new ByteArrayInputStream(regular), family, 400, FontStyle.NORMAL, true);
				builder.useFont(() -> new ByteArrayInputStream(bold), family, 700, FontStyle.NORMAL, true);
			}
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
			builder.withProducer("CareCycle");
			builder.withW3cDocument(document, null);
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf.toByteArray();
	}

	private static byte[] font(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The font " + path + " is missing", ex);
		}
	}

}
