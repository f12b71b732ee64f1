package org.carecycle.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mail server for the application to send to: it speaks just enough SMTP (no TLS, no
 * authentication) to accept every message and throws it away, counting it. Without it the
 * application's outbox would try a mail server on localhost:25 after every commit that
 * queues email, fail, and log a warning each time.
 */
final class MailSink implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "bench-mail-sink");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong messages = new AtomicLong();

	private MailSink(ServerSocket server) {
		this.server = server;
	}

	static MailSink start() throws IOException {
		MailSink sink = new MailSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		Thread acceptor = new Thread(sink::accept, "bench-mail-sink-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return sink;
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Messages accepted so far. */
	long messages() {
		return this.messages.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.execute(() -> converse(socket));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void converse(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = socket.getOutputStream()) {
			socket.setSoTimeout(60_000);
			reply(out, "220 bench mail sink");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 bench");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the message, thrown away
					}
					this.messages.incrementAndGet();
					reply(out, "250 accepted");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					// MAIL FROM, RCPT TO, RSET, NOOP
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// the application hung up
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.connections.shutdownNow();
	}

}
