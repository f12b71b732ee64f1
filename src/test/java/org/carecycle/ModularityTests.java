package org.carecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the modules honest: each top-level package is a module, modules use only each
 * other's published types, and there are no cycles. Also writes the module documentation
 * (a C4 diagram per module, the whole picture and the module canvases) into docs/modules.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(CareCycleApplication.class);

	private static final Path DOCS = Path.of("docs/modules");

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void dependsOnlyDownwards() {
		assertThat(modules.getModuleByName("shared").orElseThrow().getBootstrapDependencies(modules)).isEmpty();
		assertThat(modules.getModuleByName("web")
			.orElseThrow()
			.getDirectDependencies(modules)
			.stream()
			.map(dependency -> dependency.getTargetModule().getIdentifier().toString())
			.distinct()).containsOnly("shared");
		// oversight sits above quality: it may use the modules below it, never the other
		// way
		assertThat(modules.getModuleByName("oversight")
			.orElseThrow()
			.getDirectDependencies(modules)
			.stream()
			.map(dependency -> dependency.getTargetModule().getIdentifier().toString())
			.distinct()).isSubsetOf("shared", "web", "identity", "geography", "documents", "mail", "providers",
					"concerns", "quality", "safeguarding");
	}

	/**
	 * Every module says which modules it may depend on, so that a new arrow between
	 * modules is a decision made in its package-info, not an accident; SqlOwnershipTests
	 * holds SQL to the same list.
	 */
	@Test
	void everyModuleDeclaresItsAllowedDependencies() throws ClassNotFoundException {
		List<String> open = new ArrayList<>();
		for (var module : modules) {
			String info = module.getBasePackage().getName() + ".package-info";
			ApplicationModule declared = Class.forName(info).getAnnotation(ApplicationModule.class);
			if (declared == null || List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
				open.add(module.getIdentifier().toString());
			}
		}
		assertThat(open).as("modules without allowedDependencies").isEmpty();
	}

	/**
	 * Writes the documentation through a scratch folder, putting relationships in a
	 * stable order, and touches docs/modules only where something really changed.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		Path scratch = Path.of("target/spring-modulith-docs-scratch");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(scratch.toString())).writeDocumentation()
			.writeAggregatingDocument();
		Files.createDirectories(DOCS);
		try (Stream<Path> files = Files.list(scratch)) {
			for (Path file : files.toList()) {
				String content = stable(Files.readString(file));
				Path target = DOCS.resolve(file.getFileName());
				if (!Files.exists(target) || !Files.readString(target).equals(content)) {
					Files.writeString(target, content);
				}
			}
		}
		assertThat(DOCS.resolve("components.puml")).exists();
	}

	/**
	 * Sorts each run of PlantUML relationship lines, which the documenter emits in any
	 * order.
	 */
	static String stable(String content) {
		List<String> lines = new ArrayList<>(content.lines().toList());
		int start = -1;
		for (int i = 0; i <= lines.size(); i++) {
			boolean relationship = i < lines.size() && lines.get(i).startsWith("Rel(");
			if (relationship && start < 0) {
				start = i;
			}
			else if (!relationship && start >= 0) {
				lines.subList(start, i).sort(String::compareTo);
				start = -1;
			}
		}
		return String.join("\n", lines) + "\n";
	}

}
