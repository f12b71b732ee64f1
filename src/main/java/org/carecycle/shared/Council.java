package org.carecycle.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The council that runs this CareCycle: its name on every page and email, the local
 * authority area it covers (as named in the bundled boundary file) and where feedback
 * goes.
 *
 * @param name the council's name, such as Cornwall Council
 * @param area the local authority area, such as Cornwall
 * @param feedbackEmail where the phase banner's feedback link sends people
 * @param safeguardingPhone the safeguarding adults team's number, for people reporting
 * harm
 */
@ConfigurationProperties("carecycle.council")
public record Council(@DefaultValue("Cornwall Council") String name, @DefaultValue("Cornwall") String area,
		@DefaultValue("carecycle-feedback@example.org") String feedbackEmail,
		@DefaultValue("0300 1234 131") String safeguardingPhone) {

}
