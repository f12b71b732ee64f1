package org.carecycle.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface UserAccounts extends ListCrudRepository<UserAccount, UUID> {

	Optional<UserAccount> findByEmail(String email);

	long countByRoleAndEnabled(org.carecycle.shared.Role role, boolean enabled);

}
