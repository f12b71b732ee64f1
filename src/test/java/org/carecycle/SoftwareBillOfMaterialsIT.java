package org.carecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's CycloneDX software bill of materials, which a council feeds to its
 * vulnerability scanner (docs/security.md): written by {@code ./mvnw verify}, in JSON and
 * XML, naming every library the application ships with and its version, and none that
 * only the tests use.
 */
class SoftwareBillOfMaterialsIT {

	@Test
	void theBuildWritesABillOfMaterialsOfWhatShips() throws Exception {
		Path json = Path.of("target", "bom.json");
		assertThat(json).as("run ./mvnw verify (package writes it)").isRegularFile();
		assertThat(Path.of("target", "bom.xml")).isRegularFile();
		JsonNode bom = JsonMapper.builder().build().readTree(Files.readString(json));
		assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
		assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("carecycle");
		List<String> components = new ArrayList<>();
		for (JsonNode component : bom.path("components")) {
			assertThat(component.path("version").asString()).as(component.path("name").asString()).isNotBlank();
			components.add(component.path("group").asString() + ":" + component.path("name").asString() + ":"
					+ component.path("version").asString());
		}
		assertThat(components).anyMatch(c -> c.startsWith("org.springframework.boot:spring-boot:4."))
			.anyMatch(c -> c.startsWith("org.springframework.security:spring-security-web:"))
			.anyMatch(c -> c.startsWith("org.postgresql:postgresql:"))
			.anyMatch(c -> c.startsWith("org.flywaydb:flyway-core:"))
			.noneMatch(c -> c.startsWith("com.microsoft.playwright:"))
			.noneMatch(c -> c.startsWith("com.icegreen:greenmail"));
	}

}
