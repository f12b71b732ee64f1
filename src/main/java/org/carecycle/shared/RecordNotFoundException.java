package org.carecycle.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a record does not exist, or exists but is outside what the user may see.
 * Both cases give the same "Page not found", so an id never reveals another
 * organisation's data.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String message) {
		super(message);
	}

}
