package org.carecycle.matching.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecycle.geography.Places;
import org.carecycle.geography.PostcodeDistrict;
import org.carecycle.matching.MinimumQuality;
import org.carecycle.matching.Needs;
import org.carecycle.procurement.FrameworkMembership;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.ServiceType;
import org.carecycle.providers.Specialism;
import org.carecycle.shared.Postcode;

import org.springframework.validation.BindingResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A person's needs as typed into the search (text, so that anything sent comes back as a
 * GOV.UK error rather than a failed request).
 *
 * @param type the type of service's name
 * @param group the client group's name, or blank for any
 * @param specialism the specialisms' names
 * @param near the person's postcode district (or whole postcode, of which the district is
 * used)
 * @param within miles, one of {@link Needs#DISTANCES}
 * @param vacancy "yes" for a vacancy now
 * @param quality a {@link MinimumQuality} name
 * @param maxPrice pounds per unit, or blank
 * @param lot a lot's id, or blank
 */
record NeedsForm(String type, String group, List<String> specialism, String near, String within, String vacancy,
		String quality, String maxPrice, String lot) {

	static final int DEFAULT_MILES = 10;

	/** The highest price a search accepts, in pounds per unit. */
	static final BigDecimal HIGHEST_PRICE = new BigDecimal("100000");

	/** Whether the form has been sent (and not only opened). */
	public boolean sent() {
		return this.near != null || this.type != null;
	}

	public int miles() {
		return Needs.DISTANCES.stream()
			.filter(miles -> String.valueOf(miles).equals(this.within))
			.findFirst()
			.orElse(DEFAULT_MILES);
	}

	public List<String> specialisms() {
		return (this.specialism != null) ? this.specialism : List.of();
	}

	/**
	 * The needs, if the form describes them; errors on the form for each field that does
	 * not.
	 */
	Optional<Needs> toNeeds(BindingResult errors, Places places, List<FrameworkMembership.Lot> lots, boolean staff) {
		ServiceType chosenType = choice(ServiceType.class, this.type);
		if (chosenType == null) {
			errors.rejectValue("type", "matching.type.error");
		}
		ClientGroup chosenGroup = null;
		if (this.group != null && !this.group.isBlank()) {
			chosenGroup = choice(ClientGroup.class, this.group);
			if (chosenGroup == null) {
				errors.rejectValue("group", "matching.group.error");
			}
		}
		Set<Specialism> chosen = EnumSet.noneOf(Specialism.class);
		for (String name : specialisms()) {
			Specialism each = choice(Specialism.class, name);
			if (each == null) {
				errors.rejectValue("specialism", "matching.specialism.error");
				break;
			}
			chosen.add(each);
		}
		PostcodeDistrict district = null;
		if (this.near == null || this.near.isBlank()) {
			errors.rejectValue("near", "matching.near.error.blank");
		}
		else {
			Optional<String> outcode = (this.near.length() <= 10) ? Postcode.districtOf(this.near) : Optional.empty();
			if (outcode.isEmpty()) {
				errors.rejectValue("near", "matching.near.error.format");
			}
			else {
				district = places.district(outcode.get()).orElse(null);
				if (district == null) {
					errors.rejectValue("near", "matching.near.error.unknown", new Object[] { outcode.get() }, null);
				}
			}
		}
		MinimumQuality minimum = MinimumQuality.ANY;
		if (this.quality != null && !this.quality.isBlank()) {
			minimum = choice(MinimumQuality.class, this.quality);
			if (minimum == null) {
				errors.rejectValue("quality", "matching.quality.error");
			}
		}
		BigDecimal price = null;
		UUID lotId = null;
		if (staff) {
			price = price(errors);
			if (this.lot != null && !this.lot.isBlank()) {
				lotId = lots.stream()
					.map(FrameworkMembership.Lot::id)
					.filter(id -> id.toString().equals(this.lot.strip()))
					.findFirst()
					.orElse(null);
				if (lotId == null) {
					errors.rejectValue("lot", "matching.lot.error");
				}
			}
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Needs(chosenType, chosenGroup, chosen, district, miles(), "yes".equals(this.vacancy),
				minimum, price, lotId));
	}

	private BigDecimal price(BindingResult errors) {
		if (this.maxPrice == null || this.maxPrice.isBlank()) {
			return null;
		}
		String text = this.maxPrice.strip().replace("£", "").replace(",", "");
		BigDecimal price;
		try {
			price = (text.length() <= 12) ? new BigDecimal(text) : null;
		}
		catch (NumberFormatException ex) {
			price = null;
		}
		if (price == null) {
			errors.rejectValue("maxPrice", "matching.maxPrice.error.format");
			return null;
		}
		if (price.signum() <= 0) {
			errors.rejectValue("maxPrice", "matching.maxPrice.error.small");
			return null;
		}
		if (price.compareTo(HIGHEST_PRICE) > 0) {
			errors.rejectValue("maxPrice", "matching.maxPrice.error.large");
			return null;
		}
		return price;
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		for (E each : type.getEnumConstants()) {
			if (each.name().equals(name.strip())) {
				return each;
			}
		}
		return null;
	}

	/** The form's fields as hidden inputs, to carry the search through a later form. */
	public List<Map.Entry<String, String>> hidden() {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		add(fields, "type", this.type);
		add(fields, "group", this.group);
		specialisms().forEach(each -> add(fields, "specialism", each));
		add(fields, "near", this.near);
		add(fields, "within", this.within);
		add(fields, "vacancy", this.vacancy);
		add(fields, "quality", this.quality);
		add(fields, "maxPrice", this.maxPrice);
		add(fields, "lot", this.lot);
		return fields;
	}

	/** The search's address, to come back to it. */
	public String searchUrl(String path) {
		return searchUrl(path, null);
	}

	/** The address of a page about one service the search found, carrying the search. */
	public String searchUrl(String path, Object service) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (service != null) {
			uri.queryParam("service", service.toString());
		}
		hidden().forEach(field -> uri.queryParam(field.getKey(), field.getValue()));
		return uri.encode().build().toUriString();
	}

	private static void add(List<Map.Entry<String, String>> fields, String name, String value) {
		if (value != null && !value.isBlank()) {
			fields.add(Map.entry(name, value));
		}
	}

}
