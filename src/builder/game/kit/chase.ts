// Chasers: each frame a chaser turns toward its quarry and moves at its own speed (top-down
// shooters, dungeons). Returns the direction it moved, for facing the sprite.

export interface Mover {
  x: number;
  y: number;
}

/** Moves `chaser` up to `speed * seconds` toward `quarry`; the unit direction it moved, or null when already there. */
export function chase(chaser: Mover, quarry: Mover, speed: number, seconds: number): { x: number; y: number } | null {
  const dx = quarry.x - chaser.x;
  const dy = quarry.y - chaser.y;
  const distance = Math.hypot(dx, dy);
  if (distance < 1) return null;
  const step = Math.min(distance, speed * seconds);
  chaser.x += (dx / distance) * step;
  chaser.y += (dy / distance) * step;
  return { x: dx / distance, y: dy / distance };
}

/** Pushes two movers apart when they are closer than `gap`, so a crowd of chasers does not stack. */
export function separate(a: Mover, b: Mover, gap: number) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const distance = Math.hypot(dx, dy) || 0.01;
  if (distance >= gap) return;
  const push = (gap - distance) / 2;
  a.x -= (dx / distance) * push;
  a.y -= (dy / distance) * push;
  b.x += (dx / distance) * push;
  b.y += (dy / distance) * push;
}
