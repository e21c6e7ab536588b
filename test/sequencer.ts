// Test files start longest first, so the long ones never run alone at the end while the other
// worker idles (a fresh clone has no timing cache). Durations are from a full run on a 2-core
// machine; a file not listed is short and goes after these, in vitest's own order.

import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONGEST_FIRST = [
  "test/browser/builder-playable.test.ts",
  "test/e2e/make-cli.test.ts",
  "test/browser/playtest-fixtures.test.ts",
  "test/browser/ide.test.ts",
  "test/browser/keep-ide.test.ts",
  "test/browser/agent-ide-provider.test.ts",
  "test/browser/agent-ide-settings.test.ts",
  "test/browser/offline.test.ts",
  "test/browser/agent-ide.test.ts",
  "test/browser/runtime.test.ts",
  "test/browser/playtest-throttled.test.ts",
  "test/browser/builder-sweep.test.ts",
  "test/browser/webcontainer.test.ts",
  "test/browser/agent-ide-faults.test.ts",
  "test/browser/share-ide.test.ts",
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return sorted.map((file, order) => ({ file, order })).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map((x) => x.file);
  }
}
