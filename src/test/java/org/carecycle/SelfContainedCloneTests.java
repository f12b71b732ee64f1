package org.carecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone in an empty folder must build, run and pass its tests: nothing the project runs
 * may read a folder beside the repository (such as the team's shared data folder), nor
 * send a reader there. Build output and the bench's local work folder are not in a clone,
 * so they are not searched.
 */
class SelfContainedCloneTests {

	private static final String OUTSIDE = "../" + "shared";

	@Test
	void nothingTheProjectRunsReadsAFolderBesideTheRepository() throws IOException {
		List<Path> roots = List.of(Path.of("src"), Path.of("bench"), Path.of("README.md"), Path.of("pom.xml"),
				Path.of(".ci"));
		List<String> readers;
		try (Stream<Path> files = roots.stream().filter(Files::exists).flatMap(SelfContainedCloneTests::walk)) {
			readers = files.filter(Files::isRegularFile)
				.filter((file) -> !file.toString().contains("/target/") && !file.toString().contains("/work/"))
				.filter((file) -> !file.toString().endsWith(".csv") && !file.toString().endsWith(".png"))
				.filter(SelfContainedCloneTests::mentionsOutside)
				.map(Path::toString)
				.toList();
		}
		assertThat(readers).as("files naming a folder outside the repository").isEmpty();
	}

	@Test
	void theRealDataTheTestsReadIsInTheRepositoryWithItsSource() throws IOException {
		assertThat(RealData.CQC_HISTORY).exists();
		String readme = Files.readString(Path.of("src/test/resources/data/README.md"));
		assertThat(readme).contains(RealData.CQC_HISTORY.getFileName().toString()).contains("Open Government Licence");
	}

	private static Stream<Path> walk(Path root) {
		try {
			return Files.walk(root).toList().stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean mentionsOutside(Path file) {
		try {
			return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(OUTSIDE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
