// Phaser focuses its window when a game boots (autoFocus), so every re-run of the preview would
// pull the keyboard away from the editor mid-word. While a run is booting (`booting()`), this
// guard gives focus back to where it was; a click into a running game keeps it. A blur listener
// reacts at once; a light poll catches steals that fire no event (a focused iframe replaced).
// Keys pressed in the instant between the steal and the return still reach the game; only the
// game page itself (not calling focus() without a user gesture) can close that gap.

const POLL_MS = 100;

export function guardFocus(host: HTMLElement, booting: () => boolean): () => void {
  let lastOutside: HTMLElement | null = null;
  let previousActive: Element | null = document.activeElement;

  const inGame = (el: Element | null) => el instanceof HTMLIFrameElement && (host.contains(el) || !el.isConnected);

  const check = () => {
    const active = document.activeElement;
    const stolen = inGame(active) || (active === document.body && inGame(previousActive));
    if (stolen && booting() && lastOutside?.isConnected) lastOutside.focus();
    previousActive = document.activeElement;
  };

  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement && !host.contains(event.target)) lastOutside = event.target;
  };
  const onWindowBlur = () => setTimeout(check, 0);
  const poll = setInterval(check, POLL_MS);

  document.addEventListener("focusin", onFocusIn);
  window.addEventListener("blur", onWindowBlur);
  return () => {
    clearInterval(poll);
    document.removeEventListener("focusin", onFocusIn);
    window.removeEventListener("blur", onWindowBlur);
  };
}
