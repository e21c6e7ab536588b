// The /play page: decodes the game from the URL fragment and runs it full-window in the
// sandboxed iframe (the game's code never runs in this page's origin). Remix and View code.

import { createRoot } from "react-dom/client";
import { PlayPage } from "./PlayPage";
import "./play.css";

createRoot(document.getElementById("play-root")!).render(<PlayPage hash={window.location.hash} />);
