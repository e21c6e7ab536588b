// Driving the IDE's editor in browser tests the way a person does: open a file, paste over it, read it.

import { expect } from "vitest";
import type { Page } from "playwright-core";

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
