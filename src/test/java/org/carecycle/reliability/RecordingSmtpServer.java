package org.carecycle.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A small SMTP server in the test's own JVM that keeps every message it accepts, in the
 * order it accepted them. It can also be told to take the next message and then not
 * answer: the message is kept (delivered, as a real server that has written it to disk
 * has delivered it) but the sender never hears the {@code 250} that says so, which is the
 * moment a crash turns "sent" into "sent, but not known to be sent".
 */
final class RecordingSmtpServer implements AutoCloseable {

	/** A message as its recipient sees it. */
	record Delivery(String messageId, List<String> recipients, String subject, String body) {
	}

	private final ServerSocket server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final AtomicBoolean holdNext = new AtomicBoolean();

	private final CountDownLatch holding = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile Delivery held;

	RecordingSmtpServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "test-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/** Keep the next message but withhold the reply to it until {@link #release()}. */
	void holdNextReply() {
		this.holdNext.set(true);
	}

	/** Waits until a message is being held; returns it, or null on timeout. */
	Delivery awaitHeld(long seconds) throws InterruptedException {
		return this.holding.await(seconds, TimeUnit.SECONDS) ? this.held : null;
	}

	void release() {
		this.release.countDown();
	}

	@Override
	public void close() throws IOException {
		release();
		this.server.close();
		for (Socket socket : this.connections) {
			socket.close();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.add(socket);
				Thread conversation = new Thread(() -> converse(socket), "test-smtp-connection");
				conversation.setDaemon(true);
				conversation.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void converse(Socket socket) {
		try (socket;
				InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 localhost ESMTP test");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = readLine(in)) != null) {
				String command = line.toUpperCase(java.util.Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 localhost");
				}
				else if (command.startsWith("MAIL FROM")) {
					recipients.clear();
					reply(out, "250 OK");
				}
				else if (command.startsWith("RCPT TO")) {
					recipients.add(line.substring(line.indexOf(':') + 1).replaceAll("[<>\\s]", ""));
					reply(out, "250 OK");
				}
				else if (command.equals("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					Delivery delivery = parse(readData(in), recipients);
					this.deliveries.add(delivery);
					if (this.holdNext.compareAndSet(true, false)) {
						this.held = delivery;
						this.holding.countDown();
						this.release.await();
					}
					reply(out, "250 OK");
				}
				else if (command.equals("QUIT")) {
					reply(out, "221 Bye");
					return;
				}
				else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
					reply(out, "250 OK");
				}
				else {
					reply(out, "502 Command not implemented");
				}
			}
		}
		catch (Exception ex) {
			// the sender went away: what was delivered stays delivered
		}
		finally {
			this.connections.remove(socket);
		}
	}

	private static Delivery parse(byte[] data, List<String> recipients) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
		return new Delivery(message.getMessageID(), List.copyOf(recipients), message.getSubject(),
				String.valueOf(message.getContent()));
	}

	/**
	 * The message up to the lone dot, with dot-stuffing undone. A sender that goes away
	 * before the dot (killed while sending) has delivered nothing, as with a real server.
	 */
	private static byte[] readData(InputStream in) throws IOException {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		String line;
		while (!".".equals(line = readLine(in))) {
			if (line == null) {
				throw new java.io.EOFException("The sender went away before the end of the message");
			}
			data.writeBytes((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
			data.writeBytes(new byte[] { '\r', '\n' });
		}
		return data.toByteArray();
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return null;
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
