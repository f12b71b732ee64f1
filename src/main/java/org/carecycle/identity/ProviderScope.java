package org.carecycle.identity;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;

/**
 * Which provider organisations' records a user may see: every one for council staff, only
 * their own for a provider user. Every read of provider-owned data goes through a scope,
 * in one of three ways:
 * <ul>
 * <li>{@link #check(ProviderId)} after loading one record by id: a record of another
 * organisation is reported as not found, never shown and never confirmed to exist;</li>
 * <li>{@link #sql(String)} and {@link #parameters()} in a read model's SQL, so lists and
 * counts only ever contain permitted rows;</li>
 * <li>{@link #filter(Optional, Function)} for code that holds an optional record.</li>
 * </ul>
 */
public final class ProviderScope {

	/** The name of the SQL parameter that {@link #sql(String)} refers to. */
	public static final String PARAMETER = "scopeProviderId";

	private static final ProviderScope EVERYTHING = new ProviderScope(null);

	private final ProviderId provider;

	private ProviderScope(ProviderId provider) {
		this.provider = provider;
	}

	public static ProviderScope everything() {
		return EVERYTHING;
	}

	public static ProviderScope only(ProviderId provider) {
		return new ProviderScope(provider);
	}

	public boolean isRestricted() {
		return this.provider != null;
	}

	public Optional<ProviderId> provider() {
		return Optional.ofNullable(this.provider);
	}

	public boolean permits(ProviderId owner) {
		return this.provider == null || this.provider.equals(owner);
	}

	/**
	 * Passes a record of a permitted organisation and refuses any other as not found.
	 * @throws RecordNotFoundException when the owner is outside this scope
	 */
	public void check(ProviderId owner) {
		if (!permits(owner)) {
			throw new RecordNotFoundException("No such record in this scope");
		}
	}

	public <T> Optional<T> filter(Optional<T> record, Function<T, ProviderId> owner) {
		return record.filter(value -> permits(owner.apply(value)));
	}

	/**
	 * A SQL condition on the column that holds the owning provider's id: {@code true} for
	 * an unrestricted scope, otherwise {@code column = :scopeProviderId}. Bind
	 * {@link #parameters()} with it.
	 */
	public String sql(String column) {
		if (!column.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			throw new IllegalArgumentException("Not a column name: " + column);
		}
		return (this.provider == null) ? "true" : column + " = :" + PARAMETER;
	}

	public Map<String, Object> parameters() {
		return (this.provider == null) ? Map.of() : Map.of(PARAMETER, this.provider.value());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ProviderScope scope && java.util.Objects.equals(this.provider, scope.provider);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.provider);
	}

	@Override
	public String toString() {
		return (this.provider == null) ? "everything" : "provider " + this.provider;
	}

}
