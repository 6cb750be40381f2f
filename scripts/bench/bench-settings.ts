/** How long and how hard the bench loads each scenario, from its arguments. */
export interface BenchSettings {
  /** Seconds of each measured run. */
  seconds: number;
  /** Connections for the portfolio and the lighter scenarios (the portfolio is also run at 50). */
  connections: number;
  warmUpSeconds: number;
  /** Connections for the organisation-wide queries and the insight page. */
  heavyConnections: number;
  /** Concurrent page requests for the web pages: a few people at once, as one council's office would. */
  webWorkers: number;
}
