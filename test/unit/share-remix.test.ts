// Remix hand-off: /play sends the link's fragment to the IDE as `/#remix=...`; the IDE takes it once.

import { describe, expect, it } from "vitest";
import { ShareLinkError, encodeShareLink, projectTitle, remixUrl, takeRemixFromLocation, type ProjectFiles } from "../../src/project";

const files: ProjectFiles = {
  "index.html": "<!doctype html><title>Pearl Diver</title><div id=game></div><script type=module src=/src/main.ts></script>",
  "src/main.ts": "console.log('dive');\n",
};

function fakeLocation(hash: string) {
  const replaced: string[] = [];
  return { location: { hash, pathname: "/", search: "?lang=en" }, history: { replaceState: (_d: unknown, _u: string, url?: string) => void replaced.push(url ?? "") }, replaced };
}

describe("remix hand-off", () => {
  it("builds the IDE address for a fragment", () => {
    expect(remixUrl("AQAB")).toBe("/#remix=AQAB");
    expect(remixUrl("AQAB", "https://playforge.example/")).toBe("https://playforge.example/#remix=AQAB");
  });

  it("returns the shared project once and clears it from the address bar, keeping the query", () => {
    const { fragment } = encodeShareLink(files);
    const { location, history, replaced } = fakeLocation(`#remix=${fragment}`);
    expect(takeRemixFromLocation(location, history)).toEqual(files);
    expect(replaced).toEqual(["/?lang=en"]);
  });

  it("returns null and leaves the address alone when there is nothing to remix", () => {
    const { location, history, replaced } = fakeLocation("#settings");
    expect(takeRemixFromLocation(location, history)).toBeNull();
    expect(replaced).toEqual([]);
  });

  it("throws ShareLinkError for a damaged remix link, after clearing it so a reload does not repeat the error", () => {
    const { location, history, replaced } = fakeLocation("#remix=AQ%%%");
    expect(() => takeRemixFromLocation(location, history)).toThrow(ShareLinkError);
    expect(replaced).toEqual(["/?lang=en"]);
  });

  it("titles a project from index.html's <title>, else package.json's name", () => {
    expect(projectTitle(files)).toBe("Pearl Diver");
    expect(projectTitle({ "package.json": '{"name":"star-catcher"}' })).toBe("star-catcher");
    expect(projectTitle({ "package.json": "{broken" })).toBe("Playforge game");
  });
});
