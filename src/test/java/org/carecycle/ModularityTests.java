package org.carecycle;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the modules honest: each top-level package is a module, modules use only each
 * other's published types, and there are no cycles. Also writes the module documentation
 * (a C4 diagram per module, the whole picture and the module canvases) into docs/modules.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(CareCycleApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation()
			.writeAggregatingDocument();
	}

}
