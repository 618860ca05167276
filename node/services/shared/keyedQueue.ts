/**
 * Runs tasks one after the other per key, in this process. The SKUs of a product come in
 * together (VTEX notifies every SKU of a changed product), and their read-modify-writes of the
 * product's document would race: each loser pays a refused conditional write and a read. In
 * line, each starts from the version the previous one wrote. Other processes still meet at the
 * conditional write, which stays the guard.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>()

  public run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    // After the previous task whatever its outcome: its failure is its caller's, not this one's.
    const result = previous.then(task)
    const tail = result.then(
      () => undefined,
      () => undefined
    )

    this.tails.set(key, tail)
    // Idle keys leave the map, so it holds only products with a task in flight.
    tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })

    return result
  }

  /** Keys with a task in flight or queued (for tests). */
  public get size() {
    return this.tails.size
  }
}
