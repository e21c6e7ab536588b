// Hands the Workbench to React components; components read stores with useStore and call actions.

import { createContext, useContext, type ReactNode } from "react";
import type { Workbench } from "../state";

const WorkbenchContext = createContext<Workbench | null>(null);

export function WorkbenchProvider({ workbench, children }: { workbench: Workbench; children: ReactNode }) {
  return <WorkbenchContext.Provider value={workbench}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error("useWorkbench() was called outside <WorkbenchProvider>; wrap the IDE in it (see src/main.tsx).");
  return workbench;
}
