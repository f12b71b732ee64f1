package org.carecycle;

import java.security.InvalidKeyException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * The second sign-in step, for tests: the authenticator app's code, computed with the
 * same library as the application, from the demo's published key or from the key a test
 * read off the set-up page.
 */
public final class SecondStep {

	/** The demo administrator's and safeguarding lead's published key. */
	public static final String DEMO_KEY = "CARE CYCL EDEM OKEY PUBL ISHE DNOT SAFE";

	/** One of their published recovery codes. */
	public static final String DEMO_RECOVERY_CODE = "demo-code-01";

	private static final Pattern KEY_ON_PAGE = Pattern.compile("id=\"authenticator-key\"[^>]*>([A-Z2-7 ]+)<");

	/** The keys that tests set up in this test run, by email address. */
	private static final Map<String, String> keys = new ConcurrentHashMap<>();

	private static final Map<String, Long> lastSteps = new ConcurrentHashMap<>();

	private SecondStep() {
	}

	/** The code an authenticator app with this key shows now. */
	public static String code(String key) {
		return codeAt(key, Instant.now());
	}

	public static String codeAt(String key, Instant instant) {
		TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
		byte[] bytes = new Base32().decode(key.replace(" ", ""));
		try {
			return totp.generateOneTimePasswordString(new SecretKeySpec(bytes, totp.getAlgorithm()), instant,
					Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The key shown as text on the set-up page. */
	public static String keyOnPage(String html) {
		Matcher matcher = KEY_ON_PAGE.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No authenticator key on the page");
		}
		return matcher.group(1).strip();
	}

	public static void remember(String email, String key) {
		keys.put(email.toLowerCase(Locale.ROOT), key);
	}

	/** The key of an account: one a test set up, or else the demo's. */
	public static String keyOf(String email) {
		return keys.getOrDefault(email.toLowerCase(Locale.ROOT), DEMO_KEY);
	}

	/**
	 * A code works once; tests sign in as the same person many times within its 30
	 * seconds, so they make the application forget the last code used, as if the next one
	 * had come up. (The test of replay does not call this.)
	 */
	public static void forgetLastCode(String email) {
		try (Connection connection = EmbeddedPostgresTestInitializer.postgres().getPostgresDatabase().getConnection();
				PreparedStatement update = connection.prepareStatement("update second_factor set last_used_step = null "
						+ "where user_id = (select id from app_user where email = ?)")) {
			update.setString(1, email.strip().toLowerCase(Locale.ROOT));
			update.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A code not given before by this method for the account, waiting for the next one if
	 * need be: for an application with a database of its own.
	 */
	public static synchronized String unusedCode(String email) throws InterruptedException {
		long step = Instant.now().getEpochSecond() / 30;
		Long last = lastSteps.get(email);
		while (last != null && step <= last) {
			Thread.sleep(500);
			step = Instant.now().getEpochSecond() / 30;
		}
		lastSteps.put(email, step);
		return codeAt(keyOf(email), Instant.ofEpochSecond(step * 30));
	}

	/** The code for an account now, after forgetting the last one used. */
	public static String freshCode(String email) {
		forgetLastCode(email);
		return code(keyOf(email));
	}

}
