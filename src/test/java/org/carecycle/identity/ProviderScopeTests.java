package org.carecycle.identity;

import java.util.Optional;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderScopeTests {

	private final ProviderId mine = new ProviderId(UUID.randomUUID());

	private final ProviderId theirs = new ProviderId(UUID.randomUUID());

	@Test
	void aProviderUserSeesOnlyTheirOwnOrganisation() {
		ProviderScope scope = ProviderScope.only(this.mine);
		assertThat(scope.permits(this.mine)).isTrue();
		assertThat(scope.permits(this.theirs)).isFalse();
		assertThatNoException().isThrownBy(() -> scope.check(this.mine));
		assertThatThrownBy(() -> scope.check(this.theirs)).isInstanceOf(RecordNotFoundException.class);
		assertThat(scope.filter(Optional.of(this.theirs), id -> id)).isEmpty();
	}

	@Test
	void councilStaffSeeEveryOrganisation() {
		ProviderScope scope = ProviderScope.everything();
		assertThat(scope.permits(this.theirs)).isTrue();
		assertThat(scope.sql("s.provider_id")).isEqualTo("true");
		assertThat(scope.parameters()).isEmpty();
	}

	@Test
	void restrictsSqlToTheOrganisation() {
		ProviderScope scope = ProviderScope.only(this.mine);
		assertThat(scope.sql("s.provider_id")).isEqualTo("s.provider_id = :scopeProviderId");
		assertThat(scope.parameters()).containsEntry("scopeProviderId", this.mine.value());
		assertThatIllegalArgumentException().isThrownBy(() -> scope.sql("1=1 or true"));
	}

	@Test
	void followsTheSignedInUser() {
		var provider = new SignedInUser(UUID.randomUUID(), "p@example.org", "P", org.carecycle.shared.Role.PROVIDER,
				this.mine);
		var officer = new SignedInUser(UUID.randomUUID(), "o@example.org", "O", org.carecycle.shared.Role.QA_OFFICER,
				null);
		assertThat(provider.scope()).isEqualTo(ProviderScope.only(this.mine));
		assertThat(officer.scope()).isEqualTo(ProviderScope.everything());
		assertThatIllegalArgumentException().isThrownBy(() -> new SignedInUser(UUID.randomUUID(), "x@example.org", "X",
				org.carecycle.shared.Role.PROVIDER, null));
	}

}
