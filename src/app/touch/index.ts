// The touch subsystem's door: on-screen controls for the keys a running game listens for.

export { TouchControls, TOUCH_SCREEN, useMediaQuery, type LiveGame } from "./TouchControls";
export { touchLayout, type TouchLayout, type TouchButton, type Direction } from "./layout";
export { createKeyPresser, type KeyPresser } from "./presser";
export { padDirections } from "./pad";
