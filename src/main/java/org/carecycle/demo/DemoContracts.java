package org.carecycle.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;

/**
 * The council's contracts in the demo county: most local services are commissioned
 * through a framework for their type, at today's typical prices; a few contracts end
 * within six months and a few have already ended.
 */
final class DemoContracts {

	private final Random random;

	private final LocalDate asOf;

	private int sequence;

	DemoContracts(Random random, LocalDate asOf) {
		this.random = random;
		this.asOf = asOf;
	}

	Optional<NewContract> contractFor(NewService service, boolean specialist) {
		if (service.status() == ServiceStatus.CLOSED || this.random.nextDouble() > share(service.type())) {
			return Optional.empty();
		}
		double roll = this.random.nextDouble();
		LocalDate endsOn;
		if (roll < 0.08) {
			endsOn = this.asOf.minusDays(20 + this.random.nextInt(500));
		}
		else if (roll < 0.2) {
			endsOn = this.asOf.plusDays(10 + this.random.nextInt(170));
		}
		else {
			endsOn = this.asOf.plusDays(200 + this.random.nextInt(1200));
		}
		LocalDate startsOn = endsOn.minusYears(2 + this.random.nextInt(4)).plusDays(1);
		if (roll >= 0.2 && roll < 0.22) {
			// newly awarded: starts in the next few months
			startsOn = this.asOf.plusDays(10 + this.random.nextInt(80));
		}
		else if (startsOn.isAfter(this.asOf.minusDays(30))) {
			// in force: it started at least a month ago
			startsOn = this.asOf.minusDays(30 + this.random.nextInt(330));
		}
		Terms terms = terms(service.type(), specialist);
		BigDecimal unitPrice = BigDecimal.valueOf(terms.low + this.random.nextDouble() * (terms.high - terms.low))
			.setScale(2, RoundingMode.HALF_UP);
		Integer capacity = capacityOf(service);
		Integer commissioned = (capacity == null || this.random.nextDouble() < terms.spotShare) ? null
				: Math.max(1, (int) Math.round(capacity * (0.3 + this.random.nextDouble() * 0.5)));
		BigDecimal yearly = (commissioned != null)
				? unitPrice.multiply(BigDecimal.valueOf(commissioned)).multiply(BigDecimal.valueOf(terms.unitsPerYear))
				: null;
		BigDecimal total = (yearly != null)
				? yearly.multiply(BigDecimal.valueOf((endsOn.toEpochDay() - startsOn.toEpochDay()) / 365.25))
					.setScale(2, RoundingMode.HALF_UP)
				: null;
		this.sequence++;
		String reference = String.format(Locale.ROOT, "CC-%d-%04d", startsOn.getYear(), this.sequence);
		return Optional
			.of(new NewContract(new UUID(this.random.nextLong(), this.random.nextLong()), reference, service.id(),
					terms.lot, terms.framework, startsOn, endsOn, total, unitPrice, terms.unit, commissioned, null));
	}

	private static double share(ServiceType type) {
		return switch (type) {
			case SHARED_LIVES -> 1.0;
			case EXTRA_CARE -> 0.9;
			case HOME_CARE -> 0.85;
			case DAY_SERVICE -> 0.6;
			default -> 0.8;
		};
	}

	private static Integer capacityOf(NewService service) {
		return switch (service.type().capacity()) {
			case BEDS -> service.beds();
			case WEEKLY_HOURS -> service.weeklyHours();
			case PLACES -> service.places();
		};
	}

	private record Terms(String framework, String lot, PriceUnit unit, double low, double high, double unitsPerYear,
			double spotShare) {
	}

	private static Terms terms(ServiceType type, boolean specialist) {
		return switch (type) {
			case CARE_HOME -> specialist
					? new Terms("Specialist Care Homes Framework 2023 to 2027", "Lot 3: Learning disability and autism",
							PriceUnit.PER_WEEK, 1450, 2600, 52, 0.5)
					: new Terms("Care Homes for Older People Framework 2023 to 2027", "Lot 1: Residential care",
							PriceUnit.PER_WEEK, 780, 1050, 52, 0.6);
			case CARE_HOME_NURSING -> new Terms("Care Homes for Older People Framework 2023 to 2027",
					"Lot 2: Nursing care", PriceUnit.PER_WEEK, 950, 1350, 52, 0.5);
			case HOME_CARE -> new Terms("Home Care Dynamic Purchasing System", "Lot 1: Personal care at home",
					PriceUnit.PER_HOUR, 23.5, 29.8, 52, 0.2);
			case SUPPORTED_LIVING -> new Terms("Supported Living Framework 2022 to 2028", "Lot 1: Supported living",
					PriceUnit.PER_HOUR, 21, 27, 52 * 20, 0.3);
			case EXTRA_CARE ->
				new Terms("Extra Care Housing Care and Support", null, PriceUnit.PER_HOUR, 22, 26, 52 * 10, 0.1);
			case SHARED_LIVES -> new Terms("Shared Lives Scheme", null, PriceUnit.PER_WEEK, 450, 650, 52, 0.0);
			case DAY_SERVICE -> new Terms("Day Opportunities Framework 2024 to 2028",
					"Lot 1: Building-based day services", PriceUnit.PER_DAY, 48, 75, 250, 0.6);
		};
	}

}
