// Says when the browser is offline, and what works without the network: the service worker
// (vite.config.ts) keeps the IDE, /play, Phaser, Monaco and the transpiler on this machine.

import { useSyncExternalStore } from "react";
import "./offline.css";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <strong>You are offline.</strong>
      <span>
        The editor, the offline builder, share links and shared games keep working. Hosted models (OpenAI, Anthropic, OpenRouter,
        Gemini) and the WebContainer runtime need the network; a model on this computer (Ollama, LM Studio) still answers.
      </span>
    </div>
  );
}
