package org.carecycle.commissioning;

import java.util.Optional;

import org.carecycle.providers.ServiceType;

/**
 * The type of service an intention buys: the register's types, and the two kinds of
 * support councils buy that CQC does not register (carers' support, community support).
 */
public enum IntentionService {

	CARE_HOME_NURSING, CARE_HOME, HOME_CARE, SUPPORTED_LIVING, EXTRA_CARE, SHARED_LIVES, DAY_SERVICE, CARERS_SUPPORT,
	COMMUNITY_SUPPORT;

	/** The register's type of service, where there is one. */
	public Optional<ServiceType> serviceType() {
		for (ServiceType type : ServiceType.values()) {
			if (type.name().equals(name())) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	public String messageKey() {
		return "intention.service." + name();
	}

}
