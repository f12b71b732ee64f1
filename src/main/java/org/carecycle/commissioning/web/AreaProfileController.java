package org.carecycle.commissioning.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.carecycle.commissioning.AreaProfiles;
import org.carecycle.geography.Boundaries;
import org.carecycle.geography.Boundary;
import org.carecycle.geography.Coordinates;
import org.carecycle.geography.Locality;
import org.carecycle.geography.LocalityKind;
import org.carecycle.geography.MapDrawing;
import org.carecycle.geography.MapPoint;
import org.carecycle.identity.CurrentUser;
import org.carecycle.quality.ReportPdf;
import org.carecycle.shared.Council;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;

import org.springframework.context.MessageSource;
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
 * Area profiles: the council's localities with their headline figures and a map, and one
 * page per locality made of every area profile section its reader may see, printable and
 * as a PDF drawn from the same sections.
 */
@Controller
@RequestMapping("/commissioning/areas")
class AreaProfileController {

	static final String PDF_TEMPLATE = "commissioning/area-profile-pdf";

	private final AreaProfiles profiles;

	private final Boundaries boundaries;

	private final Council council;

	private final CurrentUser currentUser;

	private final ReportPdf pdf;

	private final MessageSource messages;

	private final Clock clock;

	AreaProfileController(AreaProfiles profiles, Boundaries boundaries, Council council, CurrentUser currentUser,
			ReportPdf pdf, MessageSource messages, Clock clock) {
		this.profiles = profiles;
		this.boundaries = boundaries;
		this.council = council;
		this.currentUser = currentUser;
		this.pdf = pdf;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		List<AreaProfiles.Summary> localities = this.profiles.localities();
		model.addAttribute("localities", localities);
		model.addAttribute("map", localityMap(localities));
		return "commissioning/areas";
	}

	@GetMapping("/{code}")
	String profile(@PathVariable String code, Model model) {
		Locality locality = find(code);
		model.addAllAttributes(profileModel(locality));
		model.addAttribute("map", serviceMap(locality));
		return "commissioning/area-profile";
	}

	@GetMapping("/{code}/profile.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code) {
		Locality locality = find(code);
		byte[] document = this.pdf.render(PDF_TEMPLATE, profileModel(locality));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("area-profile-" + locality.code().toLowerCase(Locale.ROOT) + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(document);
	}

	private Locality find(String code) {
		return this.profiles.locality(code)
			.orElseThrow(() -> new RecordNotFoundException("No locality has the code given"));
	}

	private Map<String, Object> profileModel(Locality locality) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("locality", locality);
		model.put("sections", this.profiles.sections(locality.id(), this.currentUser.require().role()));
		model.put("today", UkTime.today(this.clock));
		return model;
	}

	/**
	 * The council's area with a point at the centre of each of its localities, linked to
	 * its profile; none when the localities are whole local authorities (a national
	 * dataset), which one council's outline cannot hold.
	 */
	private String localityMap(List<AreaProfiles.Summary> localities) {
		Boundary area = this.boundaries.localAuthority(this.council.area()).orElse(null);
		if (area == null || localities.isEmpty()) {
			return null;
		}
		Map<UUID, Coordinates> centres = this.profiles.centres();
		List<MapPoint> points = new ArrayList<>();
		for (AreaProfiles.Summary locality : localities) {
			Coordinates centre = centres.get(locality.id());
			if (centre == null || !area.contains(centre)) {
				continue;
			}
			points.add(new MapPoint(centre, "locality", MapPoint.Shape.CIRCLE,
					text("areaProfile.map.point", locality.name(), locality.services()),
					"/commissioning/areas/" + locality.code()));
		}
		if (points.size() * 2 < localities.size()) {
			return null;
		}
		return MapDrawing.of(area, points, 600)
			.svg(text("areaProfile.map.title", this.council.area()),
					text("areaProfile.map.description", points.size(), this.council.area()));
	}

	/**
	 * The locality's active services on the council's outline (or, for a locality that is
	 * a whole local authority, on its own), marked by their CQC rating as on the market
	 * map.
	 */
	private String serviceMap(Locality locality) {
		Boundary area = (locality.kind() == LocalityKind.LOCAL_AUTHORITY)
				? this.boundaries.localAuthority(locality.name()).orElse(null)
				: this.boundaries.localAuthority(this.council.area()).orElse(null);
		if (area == null) {
			return null;
		}
		List<MapPoint> points = new ArrayList<>();
		for (AreaProfiles.Place place : this.profiles.places(locality.id())) {
			String token = place.rating().name().toLowerCase(Locale.ROOT).replace('_', '-');
			points.add(new MapPoint(place.at(), token, shape(place.rating()),
					place.name() + " - " + text(place.rating().messageKey()), "/services/" + place.id()));
		}
		return MapDrawing.of(area, points, 600)
			.svg(text("areaProfile.serviceMap.title", locality.name()),
					text("areaProfile.serviceMap.description", points.size(), locality.name()));
	}

	/** The market map's shapes, so that colour is never the only cue. */
	private static MapPoint.Shape shape(org.carecycle.providers.CqcRating rating) {
		return switch (rating) {
			case OUTSTANDING -> MapPoint.Shape.DIAMOND;
			case GOOD -> MapPoint.Shape.CIRCLE;
			case REQUIRES_IMPROVEMENT -> MapPoint.Shape.TRIANGLE;
			case INADEQUATE -> MapPoint.Shape.SQUARE;
			case NOT_RATED -> MapPoint.Shape.CROSS;
		};
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, Locale.UK);
	}

}
