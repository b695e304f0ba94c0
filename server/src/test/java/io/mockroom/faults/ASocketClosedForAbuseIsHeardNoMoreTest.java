package io.mockroom.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.mockroom.ws.RoomGateway;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Once a socket is closed for sending too many bad messages, nothing more it sends is handled:
 * a chat line sent after the junk never reaches the room, the server logs one line for it however
 * much more junk comes, the replies the room already owed it (pongs of the pings sent before)
 * arrive before the close frame, and a peer that never answers the close frame loses its TCP
 * connection within a few seconds instead of being read for ten.
 */
class ASocketClosedForAbuseIsHeardNoMoreTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger gatewayLog = (Logger) LoggerFactory.getLogger(RoomGateway.class);

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Abuse Org");
  }

  @BeforeEach
  void listen() {
    logged.start();
    gatewayLog.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    gatewayLog.detachAppender(logged);
  }

  @Test
  void whatItSendsAfterTheJunkIsNotAppliedAndWhatWasDueArrivesFirst() {
    JsonNode session = ada.createSession("Abuse", "Mallory", 1);
    String id = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
         RoomClient mallory = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      mallory.send(mallory.json("hello").put("name", "Mallory"));
      mallory.await("welcome");

      // Back to back: pings (each owed a pong), junk enough to be closed, a chat line, more junk.
      int pings = 100;
      List<String> frames = new ArrayList<>();
      for (int i = 0; i < pings; i++) frames.add("{\"type\":\"ping\",\"t\":" + i + "}");
      for (int i = 0; i < 61; i++) frames.add("junk " + i);
      frames.add("{\"type\":\"chat\",\"text\":\"sent after the close\"}");
      for (int i = 0; i < 100; i++) frames.add("more junk " + i);
      mallory.sendAll(frames);

      assertThat(mallory.awaitClosed()).isTrue();
      assertThat(mallory.closeCode()).isEqualTo((short) 1008);
      assertThat(mallory.closeReason()).isEqualTo("too many bad messages");
      // Every pong, in order, before the close frame (the client records frames until it).
      List<Long> pongs = new ArrayList<>();
      mallory.frames().stream().filter(f -> f.contains("\"pong\"")).forEach(f -> pongs.add(parse(f).get("t").asLong()));
      assertThat(pongs).as("pongs before the close").hasSize(pings);
      for (int i = 0; i < pings; i++) assertThat(pongs.get(i)).isEqualTo(i);
      assertThat(mallory.frames().stream().filter(f -> f.contains("\"error\"")).count())
          .as("errors answered: the 61 junk frames only").isEqualTo(61);

      // The room never took the line: the interviewer's own line comes back with nothing before it.
      staff.send(staff.json("chat").put("text", "marker"));
      staff.await("chat", c -> c.get("chat").get("text").asText().equals("marker"));
      assertThat(staff.frames()).noneMatch(f -> f.contains("sent after the close"));
      assertThat(Sql.rows(server.database(),
          "select payload->>'text' as text from session_events where session_id = ?::uuid and type = 'chat'", id))
          .extracting(r -> r.get("text")).containsExactly("marker");
    }
    assertThat(abuseLines()).as("log lines about the socket closed for abuse").hasSize(1);
  }

  @Test
  void aPeerThatNeverAnswersTheCloseIsCutOffWithinSecondsAndLoggedOnce() throws Exception {
    JsonNode session = ada.createSession("Deaf", "Dennis", 1);
    AtomicBoolean stop = new AtomicBoolean();
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = raw.getOutputStream();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      AClientThatStopsReadingIsDisconnectedTest.joinAndStopReading(raw, "/ws/join/" + Interviewer.token(session), "127.0.0.1:" + server.port());
      // Junk without pause, from another thread, until the connection is gone; it never answers the close.
      Thread flood = new Thread(() -> {
        try {
          for (int i = 0; !stop.get(); i++) writeText(out, "junk " + i);
        } catch (IOException gone) {
          // the server closed the connection
        }
      });
      flood.start();
      long closeFrameAt = 0;
      boolean ended = false;
      raw.setSoTimeout((int) RoomClient.WAIT.toMillis());
      try {
        while (!ended) {
          int opcode = readFrame(in);
          if (opcode == -1) ended = true;
          else if (opcode == 0x8 && closeFrameAt == 0) closeFrameAt = System.nanoTime();
        }
      } catch (java.net.SocketException | java.io.EOFException cut) {
        ended = true; // reset, or closed in the middle of a frame
      }
      long afterClose = (System.nanoTime() - closeFrameAt) / 1_000_000;
      stop.set(true);
      flood.join();
      assertThat(closeFrameAt).as("a close frame came").isPositive();
      assertThat(ended).isTrue();
      assertThat(afterClose).as("ms from the close frame to the end of the TCP connection")
          .isLessThan(RoomGateway.CLOSING_TIMEOUT_SECONDS * 1000L + 2000);
    }
    assertThat(abuseLines()).as("log lines about the socket closed for abuse").hasSize(1);
  }

  private List<String> abuseLines() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("bad messages") || m.contains("abuse")).toList();
  }

  /** One masked text frame, as a client sends it. */
  private static void writeText(OutputStream out, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {7, 1, 3, 5};
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    frame.write(0x80 | payload.length); // short frames only
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
    out.write(frame.toByteArray());
    out.flush();
  }

  /** Reads one server frame; its opcode, or -1 at the end of the stream. */
  private static int readFrame(DataInputStream in) throws IOException {
    int b0 = in.read();
    if (b0 == -1) return -1;
    int b1 = in.readUnsignedByte();
    long length = b1 & 0x7f;
    if (length == 126) length = in.readUnsignedShort();
    else if (length == 127) length = in.readLong();
    in.skipNBytes(length);
    return b0 & 0x0f;
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
