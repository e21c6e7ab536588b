// Harness part: input the way browsers deliver it. Keys go to the focused element and bubble to
// document and window; the pointer sends PointerEvent then the matching MouseEvent (then click) at
// the element under it, touch sends pointer and touch events; every event carries a timeStamp on
// the game's clock (virtual in a playtest), so Phaser's key.getDuration() and drag thresholds
// measure what the playtest held. Serialised with toString: self-contained.

import type { HarnessContext } from "./context";

export function installInput(h: HarnessContext): void {
  const KEYS: Record<string, [key: string, code: string, keyCode: number]> = {
    ArrowLeft: ["ArrowLeft", "ArrowLeft", 37], ArrowUp: ["ArrowUp", "ArrowUp", 38], ArrowRight: ["ArrowRight", "ArrowRight", 39], ArrowDown: ["ArrowDown", "ArrowDown", 40],
    Space: [" ", "Space", 32], Enter: ["Enter", "Enter", 13], Escape: ["Escape", "Escape", 27], Tab: ["Tab", "Tab", 9], Backspace: ["Backspace", "Backspace", 8],
    Shift: ["Shift", "ShiftLeft", 16], Control: ["Control", "ControlLeft", 17], Alt: ["Alt", "AltLeft", 18], Meta: ["Meta", "MetaLeft", 91],
    Delete: ["Delete", "Delete", 46], Insert: ["Insert", "Insert", 45], Home: ["Home", "Home", 36], End: ["End", "End", 35], PageUp: ["PageUp", "PageUp", 33], PageDown: ["PageDown", "PageDown", 34],
    Comma: [",", "Comma", 188], Period: [".", "Period", 190], Slash: ["/", "Slash", 191], Semicolon: [";", "Semicolon", 186], Quote: ["'", "Quote", 222],
    BracketLeft: ["[", "BracketLeft", 219], BracketRight: ["]", "BracketRight", 221], Backslash: ["\\", "Backslash", 220], Minus: ["-", "Minus", 189], Equal: ["=", "Equal", 187], Backquote: ["`", "Backquote", 192],
  };
  /** DOM key values, codes and Phaser key names for the keys above. */
  const KEY_ALIASES: Record<string, string> = {
    " ": "Space", Spacebar: "Space", SPACE: "Space", ENTER: "Enter", Return: "Enter", Esc: "Escape", ESC: "Escape", ESCAPE: "Escape", TAB: "Tab", BACKSPACE: "Backspace",
    LEFT: "ArrowLeft", RIGHT: "ArrowRight", UP: "ArrowUp", DOWN: "ArrowDown", Left: "ArrowLeft", Right: "ArrowRight", Up: "ArrowUp", Down: "ArrowDown",
    SHIFT: "Shift", ShiftLeft: "Shift", ShiftRight: "Shift", CTRL: "Control", Ctrl: "Control", ControlLeft: "Control", ControlRight: "Control", ALT: "Alt", AltLeft: "Alt", AltRight: "Alt",
    DELETE: "Delete", INSERT: "Insert", HOME: "Home", END: "End", PAGE_UP: "PageUp", PAGE_DOWN: "PageDown",
    ",": "Comma", COMMA: "Comma", ".": "Period", PERIOD: "Period", "/": "Slash", FORWARD_SLASH: "Slash", ";": "Semicolon", SEMICOLON: "Semicolon", "'": "Quote", QUOTES: "Quote",
    "[": "BracketLeft", OPEN_BRACKET: "BracketLeft", "]": "BracketRight", CLOSED_BRACKET: "BracketRight", "\\": "Backslash", BACK_SLASH: "Backslash", "-": "Minus", MINUS: "Minus", "=": "Equal", PLUS: "Equal", "`": "Backquote", BACKTICK: "Backquote",
  };
  const DIGIT_NAMES = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
  /** Codes of the keys held down now (modifiers set shiftKey & co. on later events). */
  const held = new Set<string>();

  /** [key, code, keyCode] of a key named by its DOM key value, code, Phaser name or keyCode. */
  function keyInfo(name: string): [string, string, number] {
    const known = KEYS[name] ?? KEYS[KEY_ALIASES[name]];
    if (known) return known;
    const letter = /^(?:Key)?([a-z])$/i.exec(name)?.[1];
    if (letter) return [held.has("ShiftLeft") ? letter.toUpperCase() : letter.toLowerCase(), `Key${letter.toUpperCase()}`, letter.toUpperCase().charCodeAt(0)];
    const digit = /^(?:Digit)?([0-9])$/.exec(name)?.[1] ?? (DIGIT_NAMES.includes(name) ? String(DIGIT_NAMES.indexOf(name)) : undefined);
    if (digit) return [digit, `Digit${digit}`, digit.charCodeAt(0)];
    const f = /^F([1-9]|1[0-2])$/.exec(name)?.[1];
    if (f) return [name, name, 111 + Number(f)];
    if (/^\d{2,3}$/.test(name)) {
      const keyCode = Number(name);
      const byCode = Object.values(KEYS).find((k) => k[2] === keyCode);
      if (byCode) return byCode;
      if ((keyCode >= 65 && keyCode <= 90) || (keyCode >= 48 && keyCode <= 57)) return keyInfo(String.fromCharCode(keyCode));
    }
    return [name, name, 0];
  }

  /** The game's clock: what Phaser's loop time is compared with. */
  const eventTime = () => (h.virtual ? h.vnow : h.realNow());

  function stamped<E extends Event>(event: E, extra: Record<string, number> = {}): E {
    const time = eventTime();
    Object.defineProperty(event, "timeStamp", { configurable: true, get: () => time });
    for (const [name, value] of Object.entries(extra)) Object.defineProperty(event, name, { configurable: true, get: () => value });
    return event;
  }

  function modifierState() {
    return { shiftKey: held.has("ShiftLeft"), ctrlKey: held.has("ControlLeft"), altKey: held.has("AltLeft"), metaKey: held.has("MetaLeft") };
  }

  function dispatchKey(action: "down" | "up", name: string) {
    const [key, code, keyCode] = keyInfo(name);
    const repeat = action === "down" && held.has(code);
    if (action === "down") held.add(code);
    else held.delete(code);
    const focused = document.activeElement;
    const target = focused && focused !== document.documentElement ? focused : document.body ?? document.documentElement;
    const init = { key, code, repeat, bubbles: true, cancelable: true, composed: true, view: window, location: /Left$/.test(code) ? 1 : 0, ...modifierState() };
    const down = stamped(new KeyboardEvent(action === "down" ? "keydown" : "keyup", init), { keyCode, which: keyCode, charCode: 0 });
    target.dispatchEvent(down);
    // A printable key (or Enter) also sends keypress, unless the keydown was cancelled.
    if (action === "down" && !down.defaultPrevented && (key.length === 1 || key === "Enter")) {
      const charCode = key === "Enter" ? 13 : key.charCodeAt(0);
      target.dispatchEvent(stamped(new KeyboardEvent("keypress", init), { keyCode: charCode, which: charCode, charCode }));
    }
  }

  function clientPoint(x: number, y: number) {
    const canvas: HTMLCanvasElement = h.game.canvas;
    const rect = canvas.getBoundingClientRect();
    const gw = h.game.scale?.width || canvas.width;
    const gh = h.game.scale?.height || canvas.height;
    return { canvas, clientX: rect.left + (x / gw) * rect.width, clientY: rect.top + (y / gh) * rect.height };
  }

  /** The inverse of clientPoint: page coordinates to game (canvas) coordinates. */
  h.canvasPoint = (clientX, clientY) => {
    const canvas: HTMLCanvasElement | undefined = h.game?.canvas;
    if (!canvas) return { x: clientX, y: clientY, scaleX: 1, scaleY: 1 };
    const rect = canvas.getBoundingClientRect();
    const scaleX = (h.game.scale?.width || canvas.width) / Math.max(1, rect.width);
    const scaleY = (h.game.scale?.height || canvas.height) / Math.max(1, rect.height);
    return { x: (clientX - rect.left) * scaleX, y: (clientY - rect.top) * scaleY, scaleX, scaleY };
  };

  const pointerState = { over: null as Element | null, pressed: null as Element | null, buttons: 0, mouseSuppressed: false, touched: null as Element | null };

  function fire(target: EventTarget, type: string, Kind: typeof MouseEvent, init: Record<string, unknown>) {
    const event = stamped(new Kind(type, init as MouseEventInit));
    target.dispatchEvent(event);
    return event;
  }

  /** pointerover/enter and mouseover/enter on the element the pointer moved onto (out/leave on the last one). */
  function hover(target: Element, init: Record<string, unknown>, pointerInit: Record<string, unknown>) {
    const previous = pointerState.over;
    if (previous === target) return;
    pointerState.over = target;
    if (previous?.isConnected) {
      fire(previous, "pointerout", PointerEvent, { ...pointerInit, relatedTarget: target });
      fire(previous, "pointerleave", PointerEvent, { ...pointerInit, bubbles: false, relatedTarget: target });
      fire(previous, "mouseout", MouseEvent, { ...init, relatedTarget: target });
      fire(previous, "mouseleave", MouseEvent, { ...init, bubbles: false, relatedTarget: target });
    }
    fire(target, "pointerover", PointerEvent, { ...pointerInit, relatedTarget: previous });
    fire(target, "pointerenter", PointerEvent, { ...pointerInit, bubbles: false, relatedTarget: previous });
    fire(target, "mouseover", MouseEvent, { ...init, relatedTarget: previous });
    fire(target, "mouseenter", MouseEvent, { ...init, bubbles: false, relatedTarget: previous });
  }

  function commonAncestor(a: Element, b: Element): Element {
    let node: Element | null = a;
    while (node && !node.contains(b)) node = node.parentElement;
    return node ?? b;
  }

  function mouseInit(clientX: number, clientY: number, button: number, buttons: number) {
    return { clientX, clientY, screenX: clientX, screenY: clientY, button, buttons, bubbles: true, cancelable: true, composed: true, view: window, ...modifierState() };
  }

  /** A mouse: pointer events, then the compatibility mouse events (unless pointerdown was cancelled), then click. */
  function dispatchPointer(action: "move" | "down" | "up", x: number, y: number) {
    const { canvas, clientX, clientY } = clientPoint(x, y);
    const target = document.elementFromPoint(clientX, clientY) ?? canvas;
    const buttons = action === "down" ? 1 : action === "up" ? 0 : pointerState.buttons;
    const init = mouseInit(clientX, clientY, 0, buttons);
    const pointerInit = { ...init, button: action === "move" ? -1 : 0, pointerId: 1, pointerType: "mouse", isPrimary: true, width: 1, height: 1, pressure: buttons ? 0.5 : 0 };
    hover(target, init, pointerInit);
    const pointer = fire(target, `pointer${action}`, PointerEvent, pointerInit);
    if (action === "down") pointerState.mouseSuppressed = pointer.defaultPrevented;
    if (!pointerState.mouseSuppressed) fire(target, `mouse${action}`, MouseEvent, init);
    pointerState.buttons = buttons;
    if (action === "down") pointerState.pressed = target;
    if (action === "up") {
      pointerState.mouseSuppressed = false;
      const pressed = pointerState.pressed;
      pointerState.pressed = null;
      if (pressed?.isConnected) fire(commonAncestor(pressed, target), "click", PointerEvent, { ...pointerInit, button: 0, buttons: 0, pressure: 0 });
    }
  }

  /** A finger: pointer events (pointerType "touch"), touch events at the element it started on, then compatibility mouse events unless a touch handler cancelled them. */
  function dispatchTouch(action: "start" | "move" | "end", x: number, y: number): boolean {
    if (typeof Touch === "undefined" || typeof TouchEvent === "undefined") return false;
    const { canvas, clientX, clientY } = clientPoint(x, y);
    const under = document.elementFromPoint(clientX, clientY) ?? canvas;
    if (action === "start") pointerState.touched = under;
    const target = pointerState.touched ?? under;
    const pressed = action !== "end";
    const init = mouseInit(clientX, clientY, 0, pressed ? 1 : 0);
    const pointerInit = { ...init, button: action === "move" ? -1 : 0, pointerId: 2, pointerType: "touch", isPrimary: true, width: 20, height: 20, pressure: pressed ? 0.5 : 0 };
    const pointerType = action === "start" ? "pointerdown" : action === "move" ? "pointermove" : "pointerup";
    if (action === "start") {
      fire(target, "pointerover", PointerEvent, pointerInit);
      fire(target, "pointerenter", PointerEvent, { ...pointerInit, bubbles: false });
    }
    fire(target, pointerType, PointerEvent, pointerInit);
    if (action === "end") {
      fire(target, "pointerout", PointerEvent, pointerInit);
      fire(target, "pointerleave", PointerEvent, { ...pointerInit, bubbles: false });
    }
    const touch = new Touch({ identifier: 1, target, clientX, clientY, screenX: clientX, screenY: clientY, pageX: clientX, pageY: clientY, radiusX: 10, radiusY: 10, force: pressed ? 0.5 : 0 });
    const touches = pressed ? [touch] : [];
    const touchEvent = stamped(new TouchEvent(`touch${action}`, { touches, targetTouches: touches, changedTouches: [touch], bubbles: true, cancelable: true, composed: true, view: window }));
    target.dispatchEvent(touchEvent);
    if (action === "start") pointerState.mouseSuppressed = touchEvent.defaultPrevented;
    if (action === "end") {
      pointerState.touched = null;
      if (!pointerState.mouseSuppressed && !touchEvent.defaultPrevented) {
        fire(under, "mousemove", MouseEvent, mouseInit(clientX, clientY, 0, 0));
        fire(under, "mousedown", MouseEvent, mouseInit(clientX, clientY, 0, 1));
        fire(under, "mouseup", MouseEvent, mouseInit(clientX, clientY, 0, 0));
        fire(under, "click", PointerEvent, { ...pointerInit, button: 0, buttons: 0 });
      }
      pointerState.mouseSuppressed = false;
    }
    return true;
  }

  h.dispatchInput = (event) => {
    if (event.kind === "key") {
      dispatchKey(event.action, event.key);
      return true;
    }
    if (!h.game?.canvas) return false;
    if (event.kind === "pointer") {
      dispatchPointer(event.action, event.x, event.y);
      return true;
    }
    return dispatchTouch(event.action, event.x, event.y);
  };
}
