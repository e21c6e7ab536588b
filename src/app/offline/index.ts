// The offline subsystem's door: what the IDE says when the network is gone, and Phaser for game
// pages that cannot reach the network.

export { OfflineBanner, useOnline } from "./OfflineBanner";
export { phaserUrlForGamePage } from "./phaser";
