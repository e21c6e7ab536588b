// Driving the IDE in browser tests the way a person does: open it (without Vite's HMR client on the
// dev server: others edit this checkout while tests run, and each edit would reload the page in the
// middle of a run), open a file, paste over it, read it.

import { expect } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { serverUrl } from "./browser";

export async function waitForEditor(page: Page) {
  await page.locator("[data-testid=editor] .monaco-editor .view-lines").waitFor({ timeout: 60_000 });
}

export async function openFile(page: Page, path: string) {
  await page.locator(`[data-testid=file-item][data-path="${path}"]`).click();
  await expect.poll(() => page.getByTestId("editor-path").textContent()).toBe(path);
}

/** Clicks into the text and waits until Monaco has the keyboard (a busy machine may lag). */
export async function focusEditor(page: Page) {
  // Near the top-left corner: long lines make .view-lines wider than the editor, centre under the ruler.
  await page.locator("[data-testid=editor] .view-lines").click({ position: { x: 30, y: 8 } });
  await page.waitForFunction(() => !!document.activeElement?.closest("[data-testid=editor] .monaco-editor"), null, { timeout: 10_000 });
}

/** Replaces the open file's text the way a user does: select all, paste (needs clipboard permission). */
export async function replaceEditorText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await focusEditor(page);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
}

export const editorText = async (page: Page) => (await page.locator("[data-testid=editor] .view-lines").innerText()).replace(/\u00a0/g, " ");

/** The dev client's exports, inert except for CSS, which Vite's dev server injects through it. */
const INERT_VITE_CLIENT = `
const hot = { data: {}, accept() {}, acceptExports() {}, dispose() {}, prune() {}, decline() {}, invalidate() {}, on() {}, off() {}, send() {} };
export const createHotContext = () => hot;
export const injectQuery = (url) => url;
const styles = new Map();
export const updateStyle = (id, css) => {
  let el = styles.get(id);
  if (!el) {
    el = document.createElement("style");
    el.setAttribute("data-vite-dev-id", id);
    document.head.appendChild(el);
    styles.set(id, el);
  }
  el.textContent = css;
};
export const removeStyle = (id) => {
  styles.get(id)?.remove();
  styles.delete(id);
};
export class ErrorOverlay extends HTMLElement {}
`;

/** `path` opens another address of the IDE (a remix link, say); `prepare` runs on the page before it loads (CPU throttling, say). */
export async function openIdePage(context: BrowserContext, options: { path?: string; prepare?: (page: Page) => Promise<void> } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.route("**/@vite/client", (route) => route.fulfill({ contentType: "text/javascript", body: INERT_VITE_CLIENT }));
  await options.prepare?.(page);
  await page.goto(`${serverUrl()}${options.path ?? ""}`);
  await page.getByTestId("prompt-input").waitFor();
  return page;
}
