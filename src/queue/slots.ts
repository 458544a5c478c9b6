/**
 * Counts handlers in flight against a limit, and lets a consumer loop wait for a free one. Both
 * adapters need it: pg-boss fetches as many jobs as there are free slots, amqplib's prefetch
 * already bounds deliveries but a stop waits for the handlers running.
 */
export class Slots {
  private running = 0
  private waiters: Array<() => void> = []

  constructor(readonly limit: number) {}

  get free(): number {
    return this.limit - this.running
  }

  get busy(): number {
    return this.running
  }

  /** Runs `task` in a slot (the caller checked one is free). */
  run(task: () => Promise<void>): void {
    this.running++
    void task().finally(() => {
      this.running--
      const waiting = this.waiters
      this.waiters = []
      for (const w of waiting) w()
    })
  }

  /** Resolves when a handler ends (at once when none runs). */
  changed(): Promise<void> {
    if (this.running === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  async idle(): Promise<void> {
    while (this.running > 0) await this.changed()
  }
}
