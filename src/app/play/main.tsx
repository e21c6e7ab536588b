// The /play page: decodes the game from the URL fragment and runs it full-window in the
// sandboxed iframe (the game's code never runs in this page's origin). Remix and View code.

import { createRoot } from "react-dom/client";
import { PlayPage } from "./PlayPage";
import "./play.css";

const root = createRoot(document.getElementById("play-root")!);
const render = () => root.render(<PlayPage hash={window.location.hash} />);
// Pasting another link into the address bar changes only the fragment: play that game instead.
window.addEventListener("hashchange", render);
render();
