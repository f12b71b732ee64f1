package org.carecycle.providers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.carecycle.providers.RegisterViews.ContractRow;
import org.carecycle.providers.RegisterViews.ContractState;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Paged;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static org.carecycle.providers.RegisterRows.nullableInteger;

/**
 * Reading contracts: a service's or a provider's, one, and the lists by state with their
 * exports. Contracts are read with their own rules (live, ended, not started, ending
 * soon) and one query shape, so they are kept together, apart from the services.
 * {@link Register} hands these reads on to it.
 */
@Service
class RegisterContracts {

	private final JdbcClient jdbc;

	private final Clock clock;

	RegisterContracts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	private LocalDate soon() {
		return today().plusMonths(Register.ENDING_SOON_MONTHS);
	}

	/** A service's contracts, newest first. */
	List<ContractRow> contractsOf(UUID serviceId) {
		return contracts("c.care_service_id = :id", serviceId);
	}

	/** The contracts of all of a provider's services, newest first. */
	List<ContractRow> contractsOfProvider(UUID providerId) {
		return contracts("s.provider_id = :id", providerId);
	}

	Optional<ContractRow> contract(UUID id) {
		return contracts("c.id = :id", id).stream().findFirst();
	}

	/**
	 * Contracts in a state, soonest ending first for live ones and latest ended first for
	 * the rest.
	 */
	Paged<ContractRow> contracts(ContractState state, boolean endingSoonOnly, int page, int pageSize) {
		String condition = contractCondition(state, endingSoonOnly);
		String order = contractOrder(state);
		long total = this.jdbc.sql("select count(*) from contract c where " + condition)
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()))
			.query(Long.class)
			.single();
		List<ContractRow> rows = contractQuery(
				condition + " order by " + order + ", c.reference limit :limit offset :offset", null)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(this::contractRow)
			.list();
		return new Paged<>(rows, page, pageSize, total);
	}

	/** How many contracts in force end soon. */
	long endingSoonCount() {
		return this.jdbc.sql("select count(*) from contract c where " + contractCondition(ContractState.LIVE, true))
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()))
			.query(Long.class)
			.single();
	}

	/**
	 * Every contract in a state, in the list's order, one at a time, for exports.
	 * @return how many there were
	 */
	long eachContract(ContractState state, boolean endingSoonOnly, Consumer<ContractRow> action) {
		long[] count = { 0 };
		contractQuery(contractCondition(state, endingSoonOnly) + " order by " + contractOrder(state) + ", c.reference",
				null)
			.query((RowCallbackHandler) rs -> {
				action.accept(contractRow(rs, (int) count[0]));
				count[0]++;
			});
		return count[0];
	}

	private static String contractCondition(ContractState state, boolean endingSoonOnly) {
		return switch (state) {
			case LIVE -> endingSoonOnly ? "c.starts_on <= :today and c.ends_on >= :today and c.ends_on < :soon"
					: "c.starts_on <= :today and c.ends_on >= :today";
			case ENDED -> "c.ends_on < :today";
			case NOT_STARTED -> "c.starts_on > :today";
		};
	}

	private static String contractOrder(ContractState state) {
		return (state == ContractState.ENDED) ? "c.ends_on desc" : "c.ends_on asc";
	}

	private List<ContractRow> contracts(String condition, UUID id) {
		return contractQuery(condition + " order by c.ends_on desc, c.reference", id).query(this::contractRow).list();
	}

	private JdbcClient.StatementSpec contractQuery(String conditionAndOrder, UUID id) {
		var spec = this.jdbc.sql("""
				select c.*, s.name as service_name, s.provider_id, s.service_type, p.name as provider_name
				from contract c join care_service s on s.id = c.care_service_id join provider p on p.id = s.provider_id
				""" + " where " + conditionAndOrder)
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()));
		return (id != null) ? spec.param("id", id) : spec;
	}

	private ContractRow contractRow(ResultSet rs, int row) throws SQLException {
		LocalDate today = today();
		LocalDate starts = rs.getDate("starts_on").toLocalDate();
		LocalDate ends = rs.getDate("ends_on").toLocalDate();
		ContractState state = today.isBefore(starts) ? ContractState.NOT_STARTED
				: today.isAfter(ends) ? ContractState.ENDED : ContractState.LIVE;
		String unit = rs.getString("price_unit");
		return new ContractRow(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("reference"),
				rs.getObject("care_service_id", UUID.class), rs.getString("service_name"),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
				ServiceType.valueOf(rs.getString("service_type")), rs.getString("lot"), rs.getString("framework"),
				starts, ends, rs.getBigDecimal("total_value"), rs.getBigDecimal("unit_price"),
				(unit != null) ? PriceUnit.valueOf(unit) : null, nullableInteger(rs, "commissioned_capacity"),
				rs.getObject("contract_manager_id", UUID.class), rs.getObject("specification_document_id", UUID.class),
				state, state == ContractState.LIVE && ends.isBefore(soon()));
	}

}
