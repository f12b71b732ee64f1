package org.carecycle.commissioning.web;

import java.nio.charset.StandardCharsets;

import org.carecycle.commissioning.MarketPosition;
import org.carecycle.commissioning.MarketPositionPdf;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The published Market Position Statement, for providers and anyone else, without signing
 * in: the latest version, every earlier one, each printable and as a PDF.
 */
@Controller
@RequestMapping("/market-position-statement")
class PublicMarketPositionController {

	private final MarketPosition marketPosition;

	private final MarketPositionPdf pdf;

	PublicMarketPositionController(MarketPosition marketPosition, MarketPositionPdf pdf) {
		this.marketPosition = marketPosition;
		this.pdf = pdf;
	}

	@GetMapping
	String latest(Model model) {
		model.addAttribute("published", this.marketPosition.latest().orElse(null));
		model.addAttribute("versions", this.marketPosition.versions());
		model.addAttribute("latest", true);
		return "commissioning/public-mps";
	}

	@GetMapping("/versions/{number}")
	String version(@PathVariable String number, Model model) {
		MarketPosition.PublishedVersion version = this.marketPosition.requireVersion(number(number));
		model.addAttribute("published", version);
		model.addAttribute("versions", this.marketPosition.versions());
		model.addAttribute("latest", this.marketPosition.versions().get(0).number() == version.version().number());
		return "commissioning/public-mps";
	}

	@GetMapping("/versions/{number}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		MarketPosition.PublishedVersion version = this.marketPosition.requireVersion(number(number));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("market-position-statement-" + version.version().publishedOn() + ".pdf",
								StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(this.pdf.render(version));
	}

	private static int number(String number) {
		try {
			int value = Integer.parseInt(number);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// not a version number: not found, below
		}
		throw new RecordNotFoundException("No Market Position Statement version " + number);
	}

}
