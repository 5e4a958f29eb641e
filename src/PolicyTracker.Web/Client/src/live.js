// One SignalR connection per page to /hubs/tracker; remembers the last event number it saw
// and, after a reconnect, asks the server for everything it missed before handling new events.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from "@microsoft/signalr";

const EVENT_NAMES = [
  "articleIngested", "articleUpdated", "annotationCreated", "annotationUpdated",
  "annotationDeleted", "claimUpdated", "flagUpdated", "savedSearchMatched",
];

export class LiveConnection {
  constructor() {
    this.lastSeen = Number(sessionStorage.getItem("pt.lastEvent") ?? 0);
    this.handlers = new Map();
    this.connection = new HubConnectionBuilder()
      // WebSockets straight away: no negotiate request, so behind a load balancer the connection
      // needs no sticky sessions (the negotiated id would live on one node only).
      .withUrl("/hubs/tracker", { skipNegotiation: true, transport: HttpTransportType.WebSockets })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
      .configureLogging(LogLevel.Warning)
      .build();
    for (const name of EVENT_NAMES) {
      this.connection.on(name, (event) => this.#deliver(event));
    }
    this.connection.on("presenceChanged", (p) => this.#emit("presenceChanged", p));
    this.connection.onreconnected(() => this.#catchUp());
    this.connection.onreconnecting(() => this.#emit("status", "reconnecting"));
    this.connection.onclose(() => this.#emit("status", "offline"));
  }

  /** Registers a handler for an event name ("*" receives every numbered event). */
  on(name, handler) {
    if (!this.handlers.has(name)) this.handlers.set(name, []);
    this.handlers.get(name).push(handler);
    return this;
  }

  async start() {
    await this.connection.start();
    if (this.lastSeen === 0) {
      // A fresh tab starts from now rather than replaying history.
      this.lastSeen = await this.connection.invoke("LastEventNumber");
      this.#remember();
    } else {
      await this.#catchUp();
    }
    this.#emit("status", "live");
  }

  invoke(method, ...args) {
    return this.connection.invoke(method, ...args);
  }

  async #catchUp() {
    let more = true;
    while (more) {
      const page = await this.connection.invoke("CatchUp", this.lastSeen);
      for (const event of page.events) this.#deliver(event);
      more = page.hasMore;
    }
    this.#emit("status", "live");
  }

  #deliver(event) {
    if (event.number <= this.lastSeen) return; // already applied (catch-up overlap)
    this.lastSeen = event.number;
    this.#remember();
    this.#emit(event.type, event);
    this.#emit("*", event);
  }

  #remember() {
    sessionStorage.setItem("pt.lastEvent", String(this.lastSeen));
  }

  #emit(name, payload) {
    for (const handler of this.handlers.get(name) ?? []) handler(payload);
  }
}
