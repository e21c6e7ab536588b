// Harness part: what the playtest can know about the running game: the scenes (the one taking
// input first) and every registered scene key, their main objects (named, sized, moving), every
// interactive hit area on screen and the page's own buttons. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";
import type { InputTarget, ObjectSummary, SceneSummary } from "./protocol";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function installIntrospection(h: HarnessContext): void {
  const MAIN_TYPES = new Set(["Sprite", "Image", "Rectangle", "Arc", "Ellipse", "Triangle", "Polygon", "Star", "Text", "BitmapText"]);
  const RUNNING = 5;
  const PAUSED = 6;
  const round2 = (n: unknown) => Math.round((Number(n) || 0) * 100) / 100;

  function summarise(obj: any): ObjectSummary {
    const width = Number(obj.displayWidth);
    const height = Number(obj.displayHeight);
    const velocity = obj.body?.velocity;
    return {
      type: String(obj.type ?? obj.constructor?.name ?? "Object").slice(0, 100),
      ...(obj.name ? { name: String(obj.name).slice(0, 200) } : {}),
      x: Math.round(Number(obj.x) || 0),
      y: Math.round(Number(obj.y) || 0),
      ...(Number.isFinite(width) && Number.isFinite(height) ? { width: Math.round(width), height: Math.round(height) } : {}),
      ...(velocity ? { vx: round2(velocity.x), vy: round2(velocity.y) } : {}),
      texture: obj.texture?.key && obj.texture.key !== "__DEFAULT" ? String(obj.texture.key).slice(0, 200) : undefined,
      text: typeof obj.text === "string" ? obj.text.slice(0, 60) : undefined,
      hasBody: !!obj.body,
      visible: obj.visible !== false,
    };
  }

  /** Visible bodies, sprites, images, shapes and texts, bodies and named objects first (at most 24). */
  function mainObjects(list: any[]): ObjectSummary[] {
    const candidates = list.filter((o) => o.visible !== false && (o.body || MAIN_TYPES.has(o.type)));
    const first = candidates.filter((o) => o.body || o.name);
    const rest = candidates.filter((o) => !(o.body || o.name));
    return [...first, ...rest].slice(0, 24).map(summarise);
  }

  /** Game (world) point → screen point through the camera (scroll × scroll factor, zoom, rotation). */
  function toScreen(camera: any, obj: any, wx: number, wy: number) {
    const m = camera?.matrixCombined?.matrix;
    if (!m) return { x: wx, y: wy };
    const x = wx + (Number(camera.scrollX) || 0) * (1 - (obj.scrollFactorX ?? 1));
    const y = wy + (Number(camera.scrollY) || 0) * (1 - (obj.scrollFactorY ?? 1));
    return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
  }

  /** The object's hit area in its own (unscaled, top-left origin) space: [x, y, width, height]. */
  function localHitArea(obj: any): [number, number, number, number] | null {
    const area = obj.input?.hitArea;
    const w = Number(obj.width) || Number(obj.displayWidth) || 0;
    const h = Number(obj.height) || Number(obj.displayHeight) || 0;
    if (!area) return w && h ? [0, 0, w, h] : null;
    if (area.type === 0) return [area.x - area.radius, area.y - area.radius, area.radius * 2, area.radius * 2];
    if (area.type === 1) return [area.x - area.width / 2, area.y - area.height / 2, area.width, area.height];
    const points: { x: number; y: number }[] = Array.isArray(area.points) ? area.points : area.type === 6 ? [{ x: area.x1, y: area.y1 }, { x: area.x2, y: area.y2 }, { x: area.x3, y: area.y3 }] : [];
    if (points.length) {
      const xs = points.map((p) => Number(p.x));
      const ys = points.map((p) => Number(p.y));
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    }
    return [Number(area.x) || 0, Number(area.y) || 0, Number(area.width) || w, Number(area.height) || h];
  }

  /** Screen bounds of a local rectangle of obj (its world transform, containers included, then the camera). */
  function screenBounds(obj: any, camera: any, [lx, ly, lw, lh]: [number, number, number, number]) {
    const matrix = obj.getWorldTransformMatrix?.() ?? obj.getLocalTransformMatrix?.();
    const ox = Number(obj.displayOriginX) || 0;
    const oy = Number(obj.displayOriginY) || 0;
    const corners = [
      [lx, ly], [lx + lw, ly], [lx, ly + lh], [lx + lw, ly + lh],
    ].map(([cx, cy]) => {
      const world = matrix ? matrix.transformPoint(cx - ox, cy - oy, { x: 0, y: 0 }) : { x: Number(obj.x) + cx - ox, y: Number(obj.y) + cy - oy };
      return toScreen(camera, obj, world.x, world.y);
    });
    const xs = corners.map((c) => c.x);
    const ys = corners.map((c) => c.y);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
  }

  function shownOnScreen(obj: any): boolean {
    for (let o = obj; o; o = o.parentContainer) if (o.visible === false || o.alpha === 0) return false;
    return true;
  }

  /** Every enabled interactive object's hit area on screen; a Rectangle button takes the label of the Text drawn on it. */
  function inputTargets(scene: any, list: any[]): InputTarget[] {
    const camera = scene.cameras?.main;
    const interactive: any[] = scene.input?._list ?? list.filter((o) => o.input);
    const texts = list.filter((o) => o.type === "Text" && shownOnScreen(o) && typeof o.text === "string");
    const targets: InputTarget[] = [];
    for (const obj of interactive) {
      if (targets.length >= 24) break;
      if (!obj?.input?.enabled || !shownOnScreen(obj)) continue;
      const local = localHitArea(obj);
      if (!local) continue;
      const b = screenBounds(obj, camera, local);
      if (!(b.width >= 1 && b.height >= 1) || ![b.left, b.top, b.width, b.height].every(Number.isFinite)) continue;
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      let text: string | undefined = typeof obj.text === "string" ? obj.text : undefined;
      if (text === undefined) {
        const label = texts.find((t) => {
          const tb = screenBounds(t, camera, [0, 0, Number(t.width) || 0, Number(t.height) || 0]);
          const cx = tb.left + tb.width / 2;
          const cy = tb.top + tb.height / 2;
          return cx >= b.left && cx <= b.left + b.width && cy >= b.top && cy <= b.top + b.height;
        });
        text = label?.text;
      }
      targets.push({
        type: String(obj.type ?? "Object").slice(0, 100),
        ...(obj.name ? { name: String(obj.name).slice(0, 200) } : {}),
        ...(text ? { text: text.slice(0, 60) } : {}),
        x: Math.round(x),
        y: Math.round(y),
        width: Math.max(1, Math.round(b.width)),
        height: Math.max(1, Math.round(b.height)),
        draggable: !!obj.input.draggable,
      });
    }
    return targets;
  }

  const DOM_TARGETS = "button, a[href], [onclick], [role=button], input[type=button], input[type=submit]";

  /** Buttons and links in the page a click at their centre would hit (elementFromPoint), in canvas coordinates. */
  function domTargets(): InputTarget[] {
    const found: InputTarget[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(DOM_TARGETS))) {
      if (found.length >= 24) break;
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      const cx = rect.left + rect.width / 2;
      const cy = rect.top + rect.height / 2;
      const hit = document.elementFromPoint(cx, cy);
      if (!hit || !(hit === el || el.contains(hit))) continue;
      const p = h.canvasPoint(cx, cy);
      const text = (el.textContent || (el as HTMLInputElement).value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
      found.push({
        type: "dom",
        ...(el.id ? { name: el.id.slice(0, 200) } : {}),
        ...(text ? { text: text.slice(0, 60) } : {}),
        x: Math.round(p.x),
        y: Math.round(p.y),
        width: Math.max(1, Math.round(rect.width * p.scaleX)),
        height: Math.max(1, Math.round(rect.height * p.scaleY)),
        draggable: false,
      });
    }
    return found;
  }

  function summariseScene(scene: any): SceneSummary {
    const list: any[] = scene.children?.list ?? [];
    const objects: Record<string, number> = {};
    for (const obj of list) {
      const type = String(obj.type ?? "Object").slice(0, 100);
      objects[type] = (objects[type] ?? 0) + 1;
    }
    const keyboard = scene.input?.keyboard;
    const keys = (keyboard?.keys ?? []).filter(Boolean).map((k: any) => String(k.keyCode));
    const keyboardListeners = keyboard ? keyboard.eventNames().map(String) : [];
    const pointerListeners = scene.input ? scene.input.eventNames().map(String).filter((n: string) => n.startsWith("pointer") || n.startsWith("game") || n.startsWith("drag")) : [];
    const targets = inputTargets(scene, list);
    const interactive = (scene.input?._list ?? list).filter((o: any) => o?.input?.enabled).length;
    if (interactive) pointerListeners.push(`interactive-objects:${interactive}`);
    let describe: unknown;
    if (typeof scene.describe === "function") {
      try {
        describe = JSON.parse(h.safeString(scene.describe()));
      } catch (error) {
        describe = `describe() threw: ${h.safeString(error)}`;
      }
    }
    return {
      key: String(scene.sys?.settings?.key ?? "?").slice(0, 200),
      objects,
      bodies: scene.physics?.world?.bodies?.size ?? 0,
      keys: keys.slice(0, 200),
      pointerListeners: pointerListeners.slice(0, 200),
      keyboardListeners: keyboardListeners.slice(0, 200),
      main: mainObjects(list),
      targets,
      describe,
    };
  }

  /** Running and paused scenes, topmost first, with the one that owns input (the topmost running scene that listens) first of all. */
  function activeScenes(): any[] {
    const all: any[] = h.game.scene?.scenes ?? [];
    const active = all.filter((s) => [RUNNING, PAUSED].includes(s?.sys?.settings?.status)).reverse();
    const listens = (s: any) => {
      const input = s.sys?.input;
      const keyboard = input?.keyboard;
      return !!input && (keyboard?.keys?.some(Boolean) || keyboard?.eventNames?.().length || input.eventNames?.().length || input._list?.length);
    };
    const running = active.filter((s) => s.sys.settings.status === RUNNING);
    const owner = running.find(listens) ?? running[0];
    return owner ? [owner, ...active.filter((s) => s !== owner)] : active;
  }

  function sceneKeys(): string[] {
    const manager = h.game.scene ?? {};
    const keys = new Set<string>([...Object.keys(manager.keys ?? {}), ...(manager._pending ?? []).map((p: any) => String(p?.key ?? "")).filter(Boolean)]);
    return [...keys].slice(0, 200).map((k) => k.slice(0, 200));
  }

  h.introspect = () => {
    const { game } = h;
    const base = { registered: h.registered, frame: h.frame, virtualMs: Math.round(h.vnow) };
    if (!game) return { ...base, renderer: "none", width: 0, height: 0, scenes: [], sceneKeys: [], domTargets: domTargets() };
    const scenes = activeScenes().slice(0, 64).map(summariseScene);
    return {
      ...base,
      renderer: game.renderer?.type === 2 ? "webgl" : game.renderer ? "canvas" : "none",
      width: game.scale?.width ?? 0,
      height: game.scale?.height ?? 0,
      scenes,
      sceneKeys: sceneKeys(),
      domTargets: domTargets(),
    };
  };
}
