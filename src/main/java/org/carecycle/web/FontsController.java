package org.carecycle.web;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The fonts GOV.UK Frontend's style sheet asks for at {@code /assets/fonts/}. CareCycle
 * is not a GOV.UK service and does not use GDS Transport (ADR 0005): its own style sheet
 * sets Arial everywhere, so a browser asks for these only when it lays a page out before
 * that style sheet applies. It then gets Liberation Sans (metrically the same as Arial,
 * shipped for the report PDFs), rather than being sent to sign in and handed a web page
 * it cannot read as a font.
 */
@Controller
class FontsController {

	private static final Resource REGULAR = new ClassPathResource("fonts/LiberationSans-Regular.ttf");

	private static final Resource BOLD = new ClassPathResource("fonts/LiberationSans-Bold.ttf");

	private static final MediaType TRUE_TYPE = MediaType.parseMediaType("font/ttf");

	@GetMapping("/assets/fonts/light-*")
	ResponseEntity<Resource> regular() {
		return font(REGULAR);
	}

	@GetMapping("/assets/fonts/bold-*")
	ResponseEntity<Resource> bold() {
		return font(BOLD);
	}

	private static ResponseEntity<Resource> font(Resource font) {
		return ResponseEntity.ok()
			.contentType(TRUE_TYPE)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			.body(font);
	}

}
