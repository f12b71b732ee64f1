package org.carecycle.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IP address ({@code 192.0.2.10}, {@code ::1}) or a network of them in CIDR notation
 * ({@code 192.0.2.0/24}, {@code 2001:db8::/32}). Only IP literals are read: nothing is
 * ever looked up by name.
 */
public final class AddressRange {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final byte[] network;

	private final int prefix;

	private final String text;

	private AddressRange(byte[] network, int prefix, String text) {
		this.network = network;
		this.prefix = prefix;
		this.text = text;
	}

	/**
	 * Reads an address or a network, as written in configuration.
	 * @throws IllegalArgumentException when it is neither
	 */
	public static AddressRange of(String text) {
		String written = text.strip();
		int slash = written.indexOf('/');
		String address = (slash < 0) ? written : written.substring(0, slash);
		byte[] bytes = bytes(address)
			.orElseThrow(() -> new IllegalArgumentException("Not an IP address or network: " + text));
		int bits = bytes.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(written.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Not an IP address or network: " + text);
			}
		}
		return new AddressRange(bytes, prefix, written);
	}

	/** Whether a client's address, as the server reports it, is in the range. */
	public boolean contains(String address) {
		Optional<byte[]> bytes = bytes(address);
		if (bytes.isEmpty() || bytes.get().length != this.network.length) {
			return false;
		}
		byte[] other = bytes.get();
		int whole = this.prefix / 8;
		for (int i = 0; i < whole; i++) {
			if (other[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (other[whole] & mask) == (this.network[whole] & mask);
	}

	/** The address's bytes, when it is an IP literal (IPv4 written as IPv6 is IPv4). */
	static Optional<byte[]> bytes(String address) {
		if (address == null) {
			return Optional.empty();
		}
		int zone = address.indexOf('%');
		String literal = (zone < 0) ? address : address.substring(0, zone);
		if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(literal).getAddress());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.text;
	}

}
