/**
 * A settable clock for the domain's TimeSource: `at` fixes the time (and it stands
 * still), `shift` runs real time offset by a fixed amount (timers still fire in real time).
 */
export class TestTime {
  private fixed: Date | null = null;
  private offsetMs = 0;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date(Date.now() + this.offsetMs);
  }

  at(instant: string | Date): this {
    this.fixed = new Date(instant);
    return this;
  }

  shift(offsetMs: number): this {
    this.fixed = null;
    this.offsetMs = offsetMs;
    return this;
  }

  real(): this {
    return this.shift(0);
  }
}
