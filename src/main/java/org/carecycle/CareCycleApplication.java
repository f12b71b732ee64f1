package org.carecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CareCycle: commissioning, quality and improvement for adult social care.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class CareCycleApplication {

	public static void main(String[] args) {
		SpringApplication.run(CareCycleApplication.class, args);
	}

}
