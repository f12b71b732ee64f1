package org.carecycle.commissioning.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.commissioning.DemandAgainstSupply;
import org.carecycle.commissioning.DemandAgainstSupply.Row;
import org.carecycle.commissioning.DemandUnits;
import org.carecycle.geography.Boundaries;
import org.carecycle.geography.Boundary;
import org.carecycle.geography.MapDrawing;
import org.carecycle.geography.MapPoint;
import org.carecycle.geography.Places;
import org.carecycle.geography.PostcodeDistrict;
import org.carecycle.shared.Council;
import org.carecycle.web.TableDownload;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Demand against supply by locality and type of service, now and 5 and 10 years ahead:
 * the council-wide summary, a map of the localities shaded by the gap for one type of
 * service, the table for every locality, and the same as CSV or Excel.
 */
@Controller
@RequestMapping("/commissioning/demand")
class DemandController {

	/** How the map shades a locality, by its shortfall as a share of demand. */
	enum Band {

		LARGE("gap-large", MapPoint.Shape.SQUARE), SOME("gap-some", MapPoint.Shape.TRIANGLE),
		MET("gap-met", MapPoint.Shape.CIRCLE), SURPLUS("gap-surplus", MapPoint.Shape.DIAMOND),
		NONE("gap-none", MapPoint.Shape.CROSS);

		final String category;

		final MapPoint.Shape shape;

		Band(String category, MapPoint.Shape shape) {
			this.category = category;
			this.shape = shape;
		}

		String messageKey() {
			return "demand.band." + name();
		}

		String symbol() {
			return MapDrawing.symbol(this.shape, this.category);
		}

		static Band of(Row row) {
			if (row.demand() == 0 && row.supply() == 0) {
				return NONE;
			}
			double share = row.shortfallShare();
			if (share >= 0.25) {
				return LARGE;
			}
			if (share >= 0.05) {
				return SOME;
			}
			return (share > -0.05) ? MET : SURPLUS;
		}

	}

	static final List<String> HEADINGS = List.of("demand.column.locality", "demand.column.year",
			"demand.column.serviceType", "demand.column.unit", "demand.column.people", "demand.column.persons",
			"demand.column.demand", "demand.column.supply", "demand.column.commissioned", "demand.column.gap",
			"demand.column.gapPer100k", "demand.column.cqcGood", "demand.column.councilGood");

	private final DemandAgainstSupply demand;

	private final Places places;

	private final Boundaries boundaries;

	private final Council council;

	private final TableDownload download;

	private final MessageSource messages;

	DemandController(DemandAgainstSupply demand, Places places, Boundaries boundaries, Council council,
			TableDownload download, MessageSource messages) {
		this.demand = demand;
		this.places = places;
		this.boundaries = boundaries;
		this.council = council;
		this.download = download;
		this.messages = messages;
	}

	@GetMapping
	String page(@RequestParam(required = false) String ahead, @RequestParam(required = false) String type, Model model,
			HttpServletResponse response) {
		int yearsAhead = horizon(ahead);
		long started = System.nanoTime();
		List<Row> rows = this.demand.all();
		// the one query's own time, for the bench scenario demand-against-supply
		response.setHeader("Server-Timing", "demand;dur=" + (System.nanoTime() - started) / 1_000_000);
		List<String> types = rows.stream().map(Row::serviceType).distinct().sorted().toList();
		String chosenType = (type != null && types.contains(type)) ? type
				: (types.contains("CARE_HOME") ? "CARE_HOME" : types.stream().findFirst().orElse(null));
		List<Row> councilWide = this.demand.councilWide(rows);
		List<Row> shown = rows.stream()
			.filter(r -> r.yearsAhead() == yearsAhead && r.serviceType().equals(chosenType))
			.toList();
		model.addAttribute("years", this.demand.years());
		model.addAttribute("ahead", yearsAhead);
		model.addAttribute("types", types);
		model.addAttribute("type", chosenType);
		model.addAttribute("unit", (chosenType != null) ? DemandUnits.of(chosenType) : "places");
		model.addAttribute("councilWide", byType(councilWide));
		model.addAttribute("rows", shown);
		model.addAttribute("bands", bandCounts(shown));
		model.addAttribute("bandOf", shown.stream()
			.collect(java.util.stream.Collectors.toMap(r -> r.localityId().toString(), r -> Band.of(r).messageKey())));
		model.addAttribute("map", map(shown, chosenType, yearsAhead));
		return "commissioning/demand/index";
	}

	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
		List<Row> rows = this.demand.all();
		this.download.send(format, "demand-against-supply", HEADINGS, out -> {
			for (Row row : rows) {
				out.cells(row.localityName(), row.year(), this.download.text("serviceType." + row.serviceType()),
						this.download.text("demand.unit." + DemandUnits.of(row.serviceType())), row.people(),
						row.persons(), row.demand(), row.supply(), row.commissioned(), row.gap(),
						Math.round(row.gapPer100k()), percent(row.cqcGoodShare()), percent(row.councilGoodShare()));
			}
			return rows.size();
		}, response);
	}

	private static Long percent(Double share) {
		return (share != null) ? Math.round(share * 100) : null;
	}

	private static int horizon(String ahead) {
		if (ahead == null) {
			return 0;
		}
		return switch (ahead.strip()) {
			case "5" -> 5;
			case "10" -> 10;
			default -> 0;
		};
	}

	/** The council-wide rows grouped by type, each with its three horizons. */
	private static Map<String, List<Row>> byType(List<Row> councilWide) {
		Map<String, List<Row>> byType = new LinkedHashMap<>();
		councilWide.stream()
			.sorted(java.util.Comparator.comparing(Row::serviceType).thenComparing(Row::yearsAhead))
			.forEach(r -> byType.computeIfAbsent(r.serviceType(), t -> new ArrayList<>()).add(r));
		return byType;
	}

	/**
	 * A line of the map's key.
	 *
	 * @param messageKey the band's label
	 * @param symbol its symbol
	 * @param count how many localities are in it
	 */
	record KeyEntry(String messageKey, String symbol, long count) {
	}

	private static List<KeyEntry> bandCounts(List<Row> rows) {
		Map<Band, Long> counts = new EnumMap<>(Band.class);
		for (Band band : Band.values()) {
			counts.put(band, 0L);
		}
		rows.forEach(r -> counts.merge(Band.of(r), 1L, Long::sum));
		List<KeyEntry> entries = new ArrayList<>();
		counts.forEach((band, count) -> entries.add(new KeyEntry(band.messageKey(), band.symbol(), count)));
		return entries;
	}

	private String map(List<Row> rows, String type, int yearsAhead) {
		Boundary area = this.boundaries.localAuthority(this.council.area()).orElse(null);
		if (area == null || rows.isEmpty() || rows.size() > 100) {
			return null;
		}
		Map<UUID, Row> byLocality = new LinkedHashMap<>();
		rows.forEach(r -> byLocality.put(r.localityId(), r));
		List<MapPoint> points = new ArrayList<>();
		for (PostcodeDistrict district : this.places.districts()) {
			Row row = (district.localityId() != null) ? byLocality.get(district.localityId()) : null;
			if (row == null) {
				continue;
			}
			Band band = Band.of(row);
			points
				.add(new MapPoint(district.centroid(), band.category, band.shape,
						text("demand.map.point", district.outcode(), row.localityName(), text(band.messageKey()),
								row.gap(), text("demand.unit." + DemandUnits.of(type))),
						"#locality-" + row.localityId()));
		}
		MapDrawing drawing = MapDrawing.of(area, points, 800);
		return drawing.svg(text("demand.map.title", text("serviceType." + type), this.demand.years().get(yearsAhead)),
				text("demand.map.description", rows.size(), this.council.area()));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
