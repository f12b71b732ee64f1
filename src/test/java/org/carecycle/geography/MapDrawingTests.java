package org.carecycle.geography;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.carecycle.geography.MapPoint.Shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MapDrawingTests {

	private static final String SVG = "http://www.w3.org/2000/svg";

	private static final Coordinates TRURO = new Coordinates(50.2632, -5.0510);

	private static final Coordinates BODMIN = new Coordinates(50.4715, -4.7243);

	private static final Coordinates BUDE = new Coordinates(50.8297, -4.5432);

	private static final Boundaries boundaries = new Boundaries();

	private final Boundary cornwall = boundaries.localAuthority("Cornwall").orElseThrow();

	@Test
	void projectsTownsWhereTheyLieWithNorthUp() {
		MapDrawing map = MapDrawing.of(this.cornwall, List.of(), 600);
		double[] truro = map.project(TRURO);
		double[] bodmin = map.project(BODMIN);
		double[] bude = map.project(BUDE);
		assertThat(truro[0]).isBetween(0.0, 600.0);
		assertThat(truro[1]).isBetween(0.0, (double) map.height());
		assertThat(truro[0]).as("Truro west of Bodmin").isLessThan(bodmin[0]);
		assertThat(truro[1]).as("Truro south of Bude").isGreaterThan(bude[1]);
		double kilometresPerUnitAcross = TRURO.distanceKmTo(new Coordinates(TRURO.latitude(), BUDE.longitude()))
				/ (bude[0] - truro[0]);
		double kilometresPerUnitDown = TRURO.distanceKmTo(new Coordinates(BUDE.latitude(), TRURO.longitude()))
				/ (truro[1] - bude[1]);
		assertThat(kilometresPerUnitAcross / kilometresPerUnitDown).as("true to scale both ways").isBetween(0.99, 1.01);
		assertThat(map.height()).isBetween(450, 600);
	}

	@Test
	void drawsPointsOutsideTheAreaOnTheEdgeOfItsBox() {
		MapDrawing map = MapDrawing.of(this.cornwall, List.of(), 600);
		double[] london = map.project(new Coordinates(51.5072, -0.1276));
		double[] penzance = map.project(new Coordinates(50.1186, -5.5371));
		assertThat(london[0]).isLessThan(600).isEqualTo(map.project(new Coordinates(51.0, 1.0))[0]);
		assertThat(london[1]).isGreaterThan(0);
		assertThat(penzance[0]).isGreaterThan(0);
	}

	@Test
	void drawsAnAccessibleSvgWithNoScriptOrInlineStyle() {
		List<MapPoint> points = List.of(new MapPoint(TRURO, "good", Shape.CIRCLE, "Rose <Court> & Co"),
				new MapPoint(BODMIN, "outstanding", Shape.SQUARE, "Bodmin \"Care\""),
				new MapPoint(BUDE, "requires-improvement", Shape.TRIANGLE, "Bude"),
				new MapPoint(new Coordinates(50.15, -5.07), "inadequate", Shape.DIAMOND, "Falmouth"),
				new MapPoint(new Coordinates(50.34, -4.78), "not-rated", Shape.CROSS, "St Austell"));
		String markup = MapDrawing.of(this.cornwall, points, 600)
			.svg("Care homes in Cornwall <&>", "5 services, by CQC rating");
		assertThat(markup).doesNotContain("style=").doesNotContainIgnoringCase("<script").doesNotContain("javascript:");

		Element svg = parse(markup).getDocumentElement();
		assertThat(svg.getLocalName()).isEqualTo("svg");
		assertThat(svg.getAttribute("role")).isEqualTo("img");
		assertThat(svg.getAttribute("class")).isEqualTo("carecycle-map");
		assertThat(svg.getAttribute("viewBox")).matches("0 0 600 \\d+");
		Element title = child(svg, 0);
		Element desc = child(svg, 1);
		assertThat(title.getLocalName()).isEqualTo("title");
		assertThat(title.getTextContent()).isEqualTo("Care homes in Cornwall <&>");
		assertThat(svg.getAttribute("aria-labelledby")).isEqualTo(title.getAttribute("id"));
		assertThat(desc.getLocalName()).isEqualTo("desc");
		assertThat(desc.getTextContent()).isEqualTo("5 services, by CQC rating");
		assertThat(svg.getAttribute("aria-describedby")).isEqualTo(desc.getAttribute("id"));
		Element area = child(svg, 2);
		assertThat(area.getLocalName()).isEqualTo("path");
		assertThat(area.getAttribute("class")).isEqualTo("carecycle-map__area");
		assertThat(area.getAttribute("fill-rule")).isEqualTo("evenodd");
		assertNoStyleOrScript(svg);

		List<Element> drawn = children(svg).subList(3, children(svg).size());
		assertThat(drawn).extracting(Element::getLocalName).containsExactly("circle", "rect", "path", "path", "path");
		assertThat(drawn).extracting(element -> element.getAttribute("class"))
			.containsExactly("carecycle-map__point carecycle-map__point--good",
					"carecycle-map__point carecycle-map__point--outstanding",
					"carecycle-map__point carecycle-map__point--requires-improvement",
					"carecycle-map__point carecycle-map__point--inadequate",
					"carecycle-map__point carecycle-map__point--not-rated");
		assertThat(drawn).extracting(element -> child(element, 0).getTextContent())
			.containsExactly("Rose <Court> & Co", "Bodmin \"Care\"", "Bude", "Falmouth", "St Austell");
		assertThat(drawn.subList(2, 5)).extracting(element -> corners(element.getAttribute("d")))
			.containsExactly(3, 4, 12);
	}

	@Test
	void makesLinkedPointsReachable() {
		List<MapPoint> points = List.of(
				new MapPoint(TRURO, "good", Shape.CIRCLE, "Rose Court", "/services/7?tab=a&b=c"),
				new MapPoint(BODMIN, "good", Shape.SQUARE, "Bodmin House"));
		Element svg = parse(MapDrawing.of(this.cornwall, points, 600).svg("Map", "Two services")).getDocumentElement();
		assertThat(svg.getAttribute("role")).isEqualTo("group");
		Element link = child(svg, 3);
		assertThat(link.getLocalName()).isEqualTo("a");
		assertThat(link.getAttribute("href")).isEqualTo("/services/7?tab=a&b=c");
		assertThat(child(link, 0).getLocalName()).isEqualTo("title");
		assertThat(child(link, 0).getTextContent()).isEqualTo("Rose Court");
		assertThat(child(link, 1).getLocalName()).isEqualTo("circle");
		assertThat(child(svg, 4).getLocalName()).isEqualTo("rect");
	}

	@Test
	void refusesCategoriesThatAreNotSafeClassNamesAndLinksThatRunScript() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MapPoint(TRURO, "good\" onclick=\"x", Shape.CIRCLE, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new MapPoint(TRURO, "Good", Shape.CIRCLE, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MapPoint(TRURO, "good", Shape.CIRCLE, "", "JavaScript:alert(1)"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MapPoint(TRURO, "good", Shape.CIRCLE, "", "data:text/html,x"));
		assertThat(new MapPoint(TRURO, "good", Shape.CIRCLE, "", "https://www.cqc.org.uk/location/1").href())
			.startsWith("https:");
		assertThat(new MapPoint(TRURO, "good", Shape.CIRCLE, "", "/a:b").href()).isEqualTo("/a:b");
	}

	@Test
	void keepsCornwallsOutlineSmallAndInsideTheViewBox() {
		MapDrawing map = MapDrawing.of(this.cornwall, List.of(), 600);
		Element svg = parse(map.svg("Cornwall", "Its outline")).getDocumentElement();
		String outline = child(svg, 2).getAttribute("d");
		assertThat(outline.getBytes(StandardCharsets.UTF_8).length).isLessThan(60 * 1024);
		assertThat(outline).matches("(M[-0-9. ]+L[-0-9. ]+Z)+");
		for (double[] point : coordinates(outline)) {
			assertThat(point[0]).isBetween(0.0, 600.0);
			assertThat(point[1]).isBetween(0.0, (double) map.height());
		}
	}

	@Test
	void cutsHolesWithTheEvenOddRule() {
		Boundary southCambridgeshire = boundaries.localAuthority("South Cambridgeshire").orElseThrow();
		Element svg = parse(MapDrawing.of(southCambridgeshire, List.of(), 400).svg("South Cambridgeshire", ""))
			.getDocumentElement();
		Element area = child(svg, 2);
		assertThat(area.getAttribute("fill-rule")).isEqualTo("evenodd");
		assertThat(area.getAttribute("d").chars().filter(c -> c == 'M').count()).as("outside and Cambridge")
			.isEqualTo(2);
	}

	@Test
	void simplifiesADenseOutlineToWithinHalfAUnit() {
		List<double[]> ring = new ArrayList<>();
		for (int i = 0; i <= 100_000; i++) {
			double angle = 2 * Math.PI * i / 100_000;
			double wobble = 0.0005 * Math.sin(i);
			ring.add(new double[] { -5 + (1 + wobble) * Math.cos(angle), 50 + 0.6 * (1 + wobble) * Math.sin(angle) });
		}
		Boundary dense = new Boundary("Dense", List.of(List.of(ring)));
		MapDrawing map = MapDrawing.of(dense, List.of(), 600);
		String outline = child(parse(map.svg("Dense", "")).getDocumentElement(), 2).getAttribute("d");
		assertThat(outline.length()).isLessThan(60 * 1024);
		List<double[]> kept = coordinates(outline);
		assertThat(kept.size()).isBetween(40, 2_000);
		for (int i = 0; i < ring.size(); i += 997) {
			double[] at = map.project(new Coordinates(ring.get(i)[1], ring.get(i)[0]));
			double nearest = Double.MAX_VALUE;
			for (int j = 0; j < kept.size(); j++) {
				nearest = Math.min(nearest, distance(at, kept.get(j), kept.get((j + 1) % kept.size())));
			}
			assertThat(nearest).isLessThanOrEqualTo(MapDrawing.TOLERANCE + 0.1);
		}
	}

	@Test
	void drawsAKeySymbolHiddenFromAssistiveTechnology() {
		for (Shape shape : Shape.values()) {
			Element svg = parse(MapDrawing.symbol(shape, "good")).getDocumentElement();
			assertThat(svg.getAttribute("aria-hidden")).isEqualTo("true");
			assertThat(svg.getAttribute("focusable")).isEqualTo("false");
			assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 16 16");
			assertThat(child(svg, 0).getAttribute("class")).endsWith("carecycle-map__point--good");
			assertNoStyleOrScript(svg);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> MapDrawing.symbol(Shape.CIRCLE, "a b"));
	}

	@Test
	void writesNumbersToOneDecimalPlace() {
		assertThat(MapDrawing.number(12.04)).isEqualTo("12");
		assertThat(MapDrawing.number(12.06)).isEqualTo("12.1");
		assertThat(MapDrawing.number(-0.04)).isEqualTo("0");
		assertThat(MapDrawing.number(-3.26)).isEqualTo("-3.3");
	}

	private static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			factory.setXIncludeAware(false);
			Document document = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
			assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SVG);
			return document;
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + xml, ex);
		}
	}

	private static void assertNoStyleOrScript(Element root) {
		NodeList all = root.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			assertThat(element.getLocalName()).isNotIn("script", "style", "foreignObject");
			assertThat(element.hasAttribute("style")).isFalse();
			for (int a = 0; a < element.getAttributes().getLength(); a++) {
				assertThat(element.getAttributes().item(a).getNodeName()).doesNotStartWith("on");
			}
		}
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	private static Element child(Element parent, int index) {
		return children(parent).get(index);
	}

	private static int corners(String d) {
		return coordinates(d).size();
	}

	private static List<double[]> coordinates(String d) {
		List<double[]> points = new ArrayList<>();
		Matcher pair = Pattern.compile("(-?[0-9.]+) (-?[0-9.]+)").matcher(d);
		while (pair.find()) {
			points.add(new double[] { Double.parseDouble(pair.group(1)), Double.parseDouble(pair.group(2)) });
		}
		return points;
	}

	private static double distance(double[] point, double[] a, double[] b) {
		double dx = b[0] - a[0];
		double dy = b[1] - a[1];
		double length = dx * dx + dy * dy;
		double t = (length == 0) ? 0
				: Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length));
		return Math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy);
	}

}
