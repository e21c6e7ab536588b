// Lanes of traffic (frogger): each lane carries things moving one way at its own speed, spaced
// along it and wrapping around, so a lane is always as busy as it was set up to be.
import Phaser from "phaser";

export interface Lane {
  y: number;
  /** Pixels per second; negative moves left. */
  speed: number;
  things: Phaser.GameObjects.Image[];
}

export class Traffic {
  readonly lanes: Lane[] = [];

  constructor(private readonly width: number) {}

  addLane(y: number, speed: number, things: Phaser.GameObjects.Image[]) {
    this.lanes.push({ y, speed, things });
  }

  /** Moves every lane; `factor` speeds all of them up. */
  drive(seconds: number, factor = 1) {
    for (const lane of this.lanes) {
      for (const thing of lane.things) {
        thing.x += lane.speed * factor * seconds;
        const half = thing.displayWidth / 2;
        if (lane.speed > 0 && thing.x - half > this.width) thing.x -= this.width + thing.displayWidth * 2;
        if (lane.speed < 0 && thing.x + half < 0) thing.x += this.width + thing.displayWidth * 2;
      }
    }
  }

  laneAt(y: number): Lane | undefined {
    return this.lanes.find((lane) => Math.abs(lane.y - y) < 1);
  }

  /** True when something in the lane at y covers x (give or take `margin`) now or within `soonSeconds`. */
  blocked(x: number, y: number, margin: number, soonSeconds = 0, factor = 1): boolean {
    const lane = this.laneAt(y);
    if (!lane) return false;
    const travel = lane.speed * factor * soonSeconds;
    return lane.things.some((thing) => {
      const half = thing.displayWidth / 2 + margin;
      const from = Math.min(thing.x, thing.x + travel) - half;
      const to = Math.max(thing.x, thing.x + travel) + half;
      return x >= from && x <= to;
    });
  }
}
