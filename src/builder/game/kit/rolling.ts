// A ball rolling on a flat table seen from above (mini golf, billiards): it slows at a steady
// rate until it stops, and bounces off the sides of boxes, losing some speed each time.

export interface RollingBall {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function speedOf(ball: RollingBall): number {
  return Math.hypot(ball.vx, ball.vy);
}

/** One frame of rolling: slows by `deceleration` px/s² and stops rather than rolling backwards. */
export function roll(ball: RollingBall, seconds: number, deceleration: number) {
  const speed = speedOf(ball);
  if (speed === 0) return;
  const slower = Math.max(0, speed - deceleration * seconds);
  ball.x += ball.vx * seconds;
  ball.y += ball.vy * seconds;
  ball.vx *= slower / speed;
  ball.vy *= slower / speed;
}

/** Bounces a ball of `radius` off a box it has run into, keeping `keep` of the speed; true when it bounced. */
export function bounceOffBox(ball: RollingBall, box: Box, radius: number, keep = 0.8): boolean {
  const nearestX = Math.max(box.x, Math.min(ball.x, box.x + box.width));
  const nearestY = Math.max(box.y, Math.min(ball.y, box.y + box.height));
  const dx = ball.x - nearestX;
  const dy = ball.y - nearestY;
  if (dx * dx + dy * dy >= radius * radius) return false;
  // Push out along the shallower side and turn that part of the speed around.
  if (Math.abs(dx) >= Math.abs(dy)) {
    ball.x = nearestX + Math.sign(dx || -ball.vx) * radius;
    ball.vx = -ball.vx * keep;
    ball.vy *= keep;
  } else {
    ball.y = nearestY + Math.sign(dy || -ball.vy) * radius;
    ball.vy = -ball.vy * keep;
    ball.vx *= keep;
  }
  return true;
}

/** Keeps a ball inside the box `area`, bouncing off its inner walls; true when it bounced. */
export function bounceInside(ball: RollingBall, area: Box, radius: number, keep = 0.8): boolean {
  let bounced = false;
  if (ball.x < area.x + radius || ball.x > area.x + area.width - radius) {
    ball.x = Math.max(area.x + radius, Math.min(area.x + area.width - radius, ball.x));
    ball.vx = -ball.vx * keep;
    bounced = true;
  }
  if (ball.y < area.y + radius || ball.y > area.y + area.height - radius) {
    ball.y = Math.max(area.y + radius, Math.min(area.y + area.height - radius, ball.y));
    ball.vy = -ball.vy * keep;
    bounced = true;
  }
  return bounced;
}
