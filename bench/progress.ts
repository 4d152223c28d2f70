/**
 * Progress for long steps, on stderr so the table on stdout stays clean. On a terminal one line is
 * redrawn in place; otherwise (CI, a pipe) a line is printed at most every few seconds.
 */
export interface Progress {
  /** `done` of `total` units of `what`. */
  update(done: number, total: number, what: string): void;
  /** A one-off message (a step starting). */
  step(message: string): void;
  done(message?: string): void;
}

const tty = process.stderr.isTTY === true;

export function progress(label: string, opts: { quiet?: boolean } = {}): Progress {
  const started = Date.now();
  let lastPrint = 0;
  const write = (text: string, final = false) => {
    if (opts.quiet) return;
    if (tty) {
      process.stderr.write(`\r\x1b[2K${text}${final ? "\n" : ""}`);
    } else {
      process.stderr.write(`${text}\n`);
    }
  };
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  return {
    update(done, estimate, what) {
      const now = Date.now();
      if (now - lastPrint < (tty ? 100 : 3000)) return;
      lastPrint = now;
      // An estimate can fall short; never show more than 100 %.
      const total = Math.max(estimate, done);
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const eta = done > 0 && done < total ? `, ~${Math.ceil((total - done) / rate)} s left` : "";
      write(
        `  ${label}: ${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")} ${what} (${pct}%, ${Math.round(rate).toLocaleString("en-GB")}/s${eta})`,
      );
    },
    step(message) {
      write(`  ${label}: ${message} (${elapsed()})`);
    },
    done(message) {
      write(`  ${label}: ${message ?? "done"} (${elapsed()})`, true);
    },
  };
}

/** Section header on stderr. */
export function announce(title: string): void {
  process.stderr.write(`\n▸ ${title}\n`);
}
