package org.carecycle.safeguarding;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.SafeguardingScreen;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs the concerns module's safeguarding screen on what staff typed about a case, and
 * says why it flagged the text in the words the concerns module uses for a flagged
 * concern, so that a case entered by staff reads like one referred from a concern.
 */
@Component
public class ScreenReasons {

	private final SafeguardingScreen screen;

	private final MessageSource messages;

	ScreenReasons(SafeguardingScreen screen, MessageSource messages) {
		this.screen = screen;
		this.messages = messages;
	}

	/** Why the screen flags the text, one reason a line; null when it does not. */
	public String of(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		List<SafeguardingScreen.Reason> reasons = this.screen.screen(AtRisk.NO, text);
		if (reasons.isEmpty()) {
			return null;
		}
		return reasons.stream().map(reason -> {
			String type = text(reason.type().messageKey());
			return switch (reason.kind()) {
				case ANSWER -> text("safeguardingReason.atRisk") + " (" + type + ")";
				case PHRASE -> (reason.readAs() == null)
						? text("safeguardingReason.phrase", reason.found(), reason.rule().phrase(), type)
						: text("safeguardingReason.phraseReadAs", reason.found(), reason.readAs(),
								reason.rule().phrase(), type);
				case MEANING -> text("safeguardingReason.meaning", reason.example(), type, reason.percentAlike());
			};
		}).distinct().collect(Collectors.joining("\n"));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
