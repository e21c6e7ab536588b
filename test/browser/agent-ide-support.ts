// Opens the IDE page for the agent/playtest browser tests without Vite's HMR client: others edit
// this checkout while tests run, and each edit would otherwise reload the page in the middle of a run.
import type { BrowserContext, Page } from "playwright-core";
import { serverUrl } from "../support/browser";

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

export async function openIdePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route("**/@vite/client", (route) => route.fulfill({ contentType: "text/javascript", body: INERT_VITE_CLIENT }));
  await page.goto(serverUrl());
  await page.getByTestId("prompt-input").waitFor();
  return page;
}
