// The shapes shared by the runner, the scenarios and the report.

export interface Target {
  /** The target in words, e.g. "≥ 1.0× pgbench TPS at 32 clients". */
  text: string;
  /** null when there is nothing to judge (not measured, or no ceiling in this run). */
  met: boolean | null;
}

export interface Row {
  /** Stable key for docs/performance.json, e.g. `ledger.single.rps`. */
  id: string;
  section: string;
  figure: string;
  /** null: not measured (see `note`). */
  value: number | null;
  unit: string;
  /** Ratio to a ceiling measured in the same run. */
  ratio?: { value: number | null; of: string };
  target?: Target;
  /** Extra facts about the figure (p50, errors, sizes) or why it was not measured. */
  note?: string;
}

export interface Sizes {
  pgbenchScale: number;
  pgbenchSeconds: number;
  /** autocannon duration for the throughput figures. */
  loadSeconds: number;
  /** autocannon duration per growth probe. */
  probeSeconds: number;
  growthLevels: number[];
  coldStartRuns: number;
}

export interface BenchContext {
  quick: boolean;
  sizes: Sizes;
  /** Admin connection used to create and drop the scratch databases. */
  adminUrl: string;
  /** The URL of a database on the same server. */
  dbUrl(name: string): string;
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** Figures of earlier scenarios in this run, by row id (the ceilings the ratios divide by). */
  figure(id: string): number | null;
  /** A progress line on stderr, stamped with the time since the run started. */
  log(message: string): void;
}

export interface Scenario {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
