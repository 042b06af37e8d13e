import { describe, expect, it } from "vitest";
import { readTranslation, softwareName, TechNamesBuilder, techLines } from "./technames-build.js";

const INDEX = `Package: rabbitmq-server
Description-md5: 78e91bfb996ee4ae5d16c93298f5f6e8
Description-en: AMQP server written in Erlang
 RabbitMQ is an implementation of AMQP, the emerging standard for high
 performance enterprise messaging. The RabbitMQ server is a robust and
 scalable implementation of an AMQP broker.
 .
 This package holds the server.

Package: python3-gevent
Description-md5: bbee70605383e4a4707e6eaa92881059
Description-en: gevent is a coroutine-based Python networking library
 gevent uses greenlet to provide a high-level synchronous API on top of
 libevent event loop.
`;

describe("reading Debian's description indexes", () => {
  it("reads each package's short description and its long one's first paragraph", () => {
    expect(readTranslation(INDEX)).toEqual([
      {
        pkg: "rabbitmq-server",
        short: "AMQP server written in Erlang",
        long: "RabbitMQ is an implementation of AMQP, the emerging standard for high performance enterprise messaging. The RabbitMQ server is a robust and scalable implementation of an AMQP broker.",
      },
      {
        pkg: "python3-gevent",
        short: "gevent is a coroutine-based Python networking library",
        long: "gevent uses greenlet to provide a high-level synchronous API on top of libevent event loop.",
      },
    ]);
  });
});

describe("the software a package is of", () => {
  it("drops the packaging around the name: a language's prefix, a part's suffix, versions and ABI tags", () => {
    expect(softwareName("python3-gevent")).toEqual({ name: "gevent", rest: [] });
    expect(softwareName("rabbitmq-server")).toEqual({ name: "rabbitmq", rest: [] });
    expect(softwareName("cython3")).toEqual({ name: "cython", rest: [] });
    expect(softwareName("libzmq5")).toEqual({ name: "zmq", rest: [] });
    expect(softwareName("libsqlite3-dev")).toEqual({ name: "sqlite", rest: [] });
    expect(softwareName("ruby-redis")).toEqual({ name: "redis", rest: [] });
  });

  it("reads a package of a part as its first part's, with the part's words", () => {
    expect(softwareName("jupyter-notebook")).toEqual({ name: "jupyter", rest: ["notebook"] });
  });

  it("names no software for families of packages whose names are no product's (Go paths, Perl modules, fonts)", () => {
    expect(softwareName("golang-github-spf13-cobra-dev")).toBeUndefined();
    expect(softwareName("libwww-perl")).toBeUndefined();
    expect(softwareName("fonts-noto")).toBeUndefined();
    expect(softwareName("r")).toBeUndefined();
  });
});

/** Many packages saying generic words, and a few saying what a kind of software is. */
function builder(): TechNamesBuilder {
  const b = new TechNamesBuilder("en", 2, 4);
  for (let i = 0; i < 60; i++)
    b.add({
      pkg: `python3-lib${"abcdefghij"[i % 10]}${"klmnopqrst"[Math.floor(i / 10)]}`,
      short: "Python library files",
      long: "",
    });
  b.add({ pkg: "rabbitmq-server", short: "AMQP message broker", long: "A robust message broker, indeed." });
  b.add({ pkg: "mosquitto", short: "MQTT message broker", long: "" });
  b.add({ pkg: "python3-kombu", short: "AMQP messaging library", long: "" });
  b.add({ pkg: "screen", short: "terminal multiplexer", long: "" });
  b.add({ pkg: "tmux", short: "terminal multiplexer", long: "" });
  return b;
}

describe("the salient words of what software is", () => {
  const salient = builder().salient();

  it("lists the words several names' short descriptions say, without the generic ones", () => {
    expect(salient.get("rabbitmq")).toEqual(expect.arrayContaining(["amqp", "message", "broker"]));
    expect(salient.get("rabbitmq")).not.toContain("library");
    expect(salient.get("kombu")).toEqual(["amqp", "messaging"]);
    expect(salient.get("tmux")).toEqual(expect.arrayContaining(["terminal", "multiplexer"]));
  });

  it("leaves out a word only a long text says, or only one name's description", () => {
    expect(salient.get("rabbitmq")).not.toContain("indeed");
    expect(salient.get("rabbitmq")).not.toContain("robust");
    expect(salient.get("mosquitto")).not.toContain("mqtt");
  });

  it("writes sorted lines, marking a name that is also a word of English", () => {
    const lines = techLines([salient], (name) => name === "screen");
    expect(lines).toContain("screen\t*|multiplexer|terminal");
    expect(lines).toContain("tmux\tmultiplexer|terminal");
    expect(lines).toEqual([...lines].sort());
  });
});
