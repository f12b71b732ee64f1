package org.carecycle.database;

import java.net.ServerSocket;

import org.carecycle.CareCycleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pointed at a database that is not there, CareCycle refuses to start and says why. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableTests {

	@Test
	void refusesToStartWithAClearMessage(CapturedOutput output) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://localhost:" + closedPort + "/carecycle";
		assertThatThrownBy(
				() -> new SpringApplicationBuilder(CareCycleApplication.class).run("--spring.datasource.url=" + url,
						"--spring.datasource.username=carecycle", "--server.port=0", "--carecycle.demo.enabled=false"))
			.isNotNull();
		assertThat(output).contains("CareCycle could not connect to its database at " + url)
			.contains("Check DATABASE_URL");
	}

}
