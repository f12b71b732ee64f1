package org.carecycle.identity;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator app codes (RFC 6238: six digits, a new one every 30 seconds, HMAC-SHA1,
 * which is what every authenticator app supports) and the QR code that sets an app up.
 * The codes come from java-otp, the Base32 key from commons-codec and the QR code from
 * ZXing; this class only joins them up.
 */
final class AuthenticatorCodes {

	/** Codes one step either side of now are accepted, for clocks that drift a little. */
	static final int STEPS_EITHER_SIDE = 1;

	private static final SecureRandom random = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

	private AuthenticatorCodes() {
	}

	/** A new random key of 160 bits (RFC 4226's recommended length), in Base32. */
	static String newKey() {
		byte[] key = new byte[20];
		random.nextBytes(key);
		return new Base32().encodeToString(key).replace("=", "");
	}

	/** Whether text is a key an authenticator app accepts (Base32, at least 128 bits). */
	static boolean isKey(String base32) {
		String key = normaliseKey(base32);
		return key.length() >= 26 && key.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'));
	}

	/** The key grouped in fours, as people type it into an app. */
	static String grouped(String base32) {
		return normaliseKey(base32).replaceAll("(.{4})(?!$)", "$1 ");
	}

	static String normaliseKey(String base32) {
		return base32.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
	}

	/** The code an app shows at this moment. */
	static String codeAt(String base32, Instant instant) {
		try {
			return totp.generateOneTimePasswordString(key(base32), instant, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("The authenticator key is not usable", ex);
		}
	}

	/** The time step (count of 30-second periods since 1970) of an instant. */
	static long stepOf(Instant instant) {
		return instant.getEpochSecond() / totp.getTimeStep().getSeconds();
	}

	/**
	 * The time step of the code, if it is the right code for now or one step either side.
	 */
	static OptionalLong matchingStep(String base32, String code, Instant now) {
		if (code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long step = stepOf(now);
		for (long candidate = step - STEPS_EITHER_SIDE; candidate <= step + STEPS_EITHER_SIDE; candidate++) {
			Instant at = Instant.ofEpochSecond(candidate * totp.getTimeStep().getSeconds());
			if (java.security.MessageDigest.isEqual(codeAt(base32, at).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(candidate);
			}
		}
		return OptionalLong.empty();
	}

	/** The otpauth address that authenticator apps read from a QR code. */
	static String setUpAddress(String issuer, String account, String base32) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + normaliseKey(base32) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/**
	 * The QR code of an address as an SVG image in a data address, for an img element.
	 */
	static String qrCodeImage(String address) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
					+ matrix.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
					+ "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.writeBytes(svg.getBytes(StandardCharsets.UTF_8));
			return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not draw the QR code", ex);
		}
	}

	private static SecretKeySpec key(String base32) {
		return new SecretKeySpec(new Base32().decode(normaliseKey(base32)), totp.getAlgorithm());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
