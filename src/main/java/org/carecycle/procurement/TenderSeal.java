package org.carecycle.procurement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The cryptography of sealed bids (ADR 0042), all from the JDK. Each tender has an RSA
 * key pair made when it is published: the public key seals each bid version's own AES key
 * as the bid arrives, so the application can seal without being able to unseal; the
 * private key is stored in the database wrapped by the seal key, which lives outside the
 * database (an environment variable, or a file beside the data), so neither the database
 * nor the seal key alone opens a bid.
 */
@Component
class TenderSeal {

	private static final Logger log = LoggerFactory.getLogger(TenderSeal.class);

	private static final int GCM_TAG_BITS = 128;

	private static final int NONCE_BYTES = 12;

	private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
			PSource.PSpecified.DEFAULT);

	private final SecureRandom random = new SecureRandom();

	private final SecretKey sealKey;

	TenderSeal(@Value("${carecycle.procurement.seal-key:}") String configured,
			@Value("${carecycle.procurement.seal-key-file:data/procurement-seal.key}") String file) {
		this.sealKey = new SecretKeySpec(StringUtils.hasText(configured)
				? Base64.getDecoder().decode(configured.strip()) : keyFromFile(Path.of(file)), "AES");
	}

	private byte[] keyFromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			byte[] key = new byte[32];
			this.random.nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps its default permissions
			}
			log.warn("Made a new seal key for tender bids in {}: keep it with the database's backups, "
					+ "or set CARECYCLE_SEAL_KEY", file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the seal key for tender bids", ex);
		}
	}

	/** A new key pair for a tender: its public key, and its private key wrapped. */
	record TenderKeys(byte[] publicKey, byte[] wrappedPrivateKey) {
	}

	TenderKeys newTenderKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072, this.random);
			KeyPair pair = generator.generateKeyPair();
			return new TenderKeys(pair.getPublic().getEncoded(), encrypt(this.sealKey, pair.getPrivate().getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot make a tender's keys", ex);
		}
	}

	/** A bid version's content key, sealed to the tender's public key. */
	record SealedKey(SecretKey key, byte[] sealed) {
	}

	SealedKey newBidKey(byte[] tenderPublicKey) {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256, this.random);
			SecretKey key = generator.generateKey();
			PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(tenderPublicKey));
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
			rsa.init(Cipher.ENCRYPT_MODE, publicKey, OAEP);
			return new SealedKey(key, rsa.doFinal(key.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a bid", ex);
		}
	}

	byte[] seal(SecretKey key, byte[] content) {
		return encrypt(key, content);
	}

	/** Opens a bid version's key with the tender's wrapped private key. */
	SecretKey openBidKey(byte[] wrappedPrivateKey, byte[] sealedKey) {
		try {
			PrivateKey privateKey = KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(decrypt(this.sealKey, wrappedPrivateKey)));
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
			rsa.init(Cipher.DECRYPT_MODE, privateKey, OAEP);
			return new SecretKeySpec(rsa.doFinal(sealedKey), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open a bid: the seal key is not the one it was sealed with", ex);
		}
	}

	byte[] open(SecretKey key, byte[] sealed) {
		try {
			return decrypt(key, sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open a bid: its content has been changed", ex);
		}
	}

	private byte[] encrypt(SecretKey key, byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, nonce));
			byte[] sealed = aes.doFinal(plain);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt", ex);
		}
	}

	private static byte[] decrypt(SecretKey key, byte[] sealed) throws GeneralSecurityException {
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, sealed, 0, NONCE_BYTES));
		return aes.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
	}

}
