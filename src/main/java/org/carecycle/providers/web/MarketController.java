package org.carecycle.providers.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.carecycle.geography.Boundaries;
import org.carecycle.geography.Boundary;
import org.carecycle.geography.Coordinates;
import org.carecycle.geography.MapDrawing;
import org.carecycle.geography.MapPoint;
import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Council;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The market map: what the council has got, where, and of what quality, as a map of the
 * area drawn on the server with a table of capacity by locality and type beside it.
 */
@Controller
@RequestMapping("/market")
class MarketController {

	/**
	 * More points than this make the map unreadable (and the page heavy): use the table
	 * and list.
	 */
	static final int MOST_POINTS = 5000;

	private final Register register;

	private final Boundaries boundaries;

	private final Council council;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	MarketController(Register register, Boundaries boundaries, Council council, CurrentUser currentUser,
			MessageSource messages) {
		this.register = register;
		this.boundaries = boundaries;
		this.council = council;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping
	String market(@RequestParam(required = false) String type, Model model) {
		ServiceType chosen = ServiceController.parse(ServiceType.class, type);
		ServiceFilter filter = new ServiceFilter(null, chosen, null, null, ServiceStatus.ACTIVE, null, null);
		List<MapPoint> points = new ArrayList<>();
		Map<CqcRating, Long> byRating = new EnumMap<>(CqcRating.class);
		for (CqcRating rating : CqcRating.values()) {
			byRating.put(rating, 0L);
		}
		long total = this.register.eachService(filter, this.currentUser.scope(), service -> {
			CqcRating rating = (service.overallRating() != null) ? service.overallRating() : CqcRating.NOT_RATED;
			byRating.merge(rating, 1L, Long::sum);
			if (service.latitude() != null && service.longitude() != null && points.size() < MOST_POINTS) {
				points.add(new MapPoint(new Coordinates(service.latitude(), service.longitude()), token(rating),
						shape(rating), service.name() + " - " + text(rating.messageKey()),
						"/services/" + service.id()));
			}
		});
		Boundary area = this.boundaries.localAuthority(this.council.area()).orElse(null);
		if (area != null && total <= MOST_POINTS) {
			MapDrawing drawing = MapDrawing.of(area, points, 800);
			model.addAttribute("map", drawing.svg(text("market.map.title", this.council.area()),
					text("market.map.description", total, this.council.area())));
		}
		model.addAttribute("legend", legend(byRating));
		model.addAttribute("total", total);
		model.addAttribute("type", chosen);
		model.addAttribute("types", ServiceType.values());
		model.addAttribute("capacity", this.register.capacityByLocality(chosen, this.currentUser.scope()));
		model.addAttribute("columns", (chosen != null) ? List.of(chosen) : List.of(ServiceType.values()));
		return "providers/market";
	}

	/**
	 * A line of the map's key.
	 *
	 * @param rating the rating
	 * @param symbol the symbol drawn for it
	 * @param count how many services have it
	 */
	record LegendEntry(CqcRating rating, String symbol, long count) {
	}

	private static List<LegendEntry> legend(Map<CqcRating, Long> byRating) {
		List<LegendEntry> entries = new ArrayList<>();
		byRating.forEach((rating, count) -> entries
			.add(new LegendEntry(rating, MapDrawing.symbol(shape(rating), token(rating)), count)));
		return entries;
	}

	static String token(CqcRating rating) {
		return rating.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/**
	 * Each rating has its own shape as well as its own colour, so colour is never the
	 * only cue.
	 */
	static MapPoint.Shape shape(CqcRating rating) {
		return switch (rating) {
			case OUTSTANDING -> MapPoint.Shape.DIAMOND;
			case GOOD -> MapPoint.Shape.CIRCLE;
			case REQUIRES_IMPROVEMENT -> MapPoint.Shape.TRIANGLE;
			case INADEQUATE -> MapPoint.Shape.SQUARE;
			case NOT_RATED -> MapPoint.Shape.CROSS;
		};
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, java.util.Locale.UK);
	}

}
