// A game clock counting down from the rules' time limit (0: no clock at all).

export class Countdown {
  private leftMs: number;
  private rang = false;

  constructor(seconds: number) {
    this.leftMs = Math.max(0, seconds) * 1000;
  }

  /** False when the game has no time limit. */
  get running(): boolean {
    return this.leftMs > 0 || this.rang;
  }

  get secondsLeft(): number {
    return Math.ceil(Math.max(0, this.leftMs) / 1000);
  }

  /** Advances by one frame; true on the one frame the time runs out. */
  tick(deltaMs: number): boolean {
    if (this.leftMs <= 0) return false;
    this.leftMs -= deltaMs;
    if (this.leftMs > 0) return false;
    this.rang = true;
    return true;
  }
}
