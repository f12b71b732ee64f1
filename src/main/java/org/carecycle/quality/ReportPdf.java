package org.carecycle.quality;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.carecycle.shared.Council;
import org.carecycle.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * A review's report as a PDF to keep, print or send on. It is drawn by the same Thymeleaf
 * fragment as the report page ({@code quality/report-pdf} wraps it in a page with print
 * styles), so the two never disagree, and laid out by openhtmltopdf. The fonts are
 * embedded (Liberation Sans, metrically Arial) so every name prints, and nothing outside
 * the application is ever fetched while rendering.
 */
@Service
public class ReportPdf {

	static final String TEMPLATE = "quality/report-pdf";

	private static final Locale EN_GB = Locale.forLanguageTag("en-GB");

	private static final String FONT = "Liberation Sans";

	static {
		// openhtmltopdf writes its progress to the console; keep only its warnings
		XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
	}

	private final ITemplateEngine templates;

	private final Dates dates;

	private final Council council;

	private final byte[] regular;

	private final byte[] bold;

	ReportPdf(ITemplateEngine templates, Dates dates, Council council) {
		this.templates = templates;
		this.dates = dates;
		this.council = council;
		this.regular = font("fonts/LiberationSans-Regular.ttf");
		this.bold = font("fonts/LiberationSans-Bold.ttf");
	}

	public byte[] render(ReportView report) {
		return render(TEMPLATE, java.util.Map.of("report", report));
	}

	/**
	 * Any standalone page template as a PDF, laid out the same way (the area profiles of
	 * commissioning use it): the template gets the variables given, {@code dates} and
	 * {@code council}.
	 * @param template the Thymeleaf template, a whole page with its own print styles
	 * @param variables what the template reads
	 * @return the PDF
	 */
	public byte[] render(String template, java.util.Map<String, Object> variables) {
		Context context = new Context(EN_GB);
		context.setVariables(variables);
		context.setVariable("dates", this.dates);
		context.setVariable("council", this.council);
		String html = this.templates.process(template, context);
		org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.useFont(() -> stream(this.regular), FONT, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> stream(this.bold), FONT, 700, FontStyle.NORMAL, true);
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

	private static InputStream stream(byte[] font) {
		return new ByteArrayInputStream(font);
	}

	private static byte[] font(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The report font " + path + " is missing", ex);
		}
	}

}
