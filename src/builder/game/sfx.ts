// Sound effects made in code with Web Audio: a few short synth notes each, nothing to download.
// They play through Phaser's sound manager, so the game's mute and volume apply to them.
import Phaser from "phaser";

export type SoundName = "start" | "collect" | "pop" | "jump" | "shoot" | "bounce" | "hit" | "level" | "win" | "lose";

interface Sound {
  /** The oscillator's wave: "square" is bright and retro, "triangle" soft, "sawtooth" buzzy. */
  wave: OscillatorType;
  /** Played one after another: [pitch in Hz, length in seconds]. */
  notes: [number, number][];
}

const SOUNDS: Record<SoundName, Sound> = {
  start: { wave: "square", notes: [[440, 0.07], [660, 0.07], [880, 0.12]] },
  collect: { wave: "square", notes: [[988, 0.05], [1319, 0.1]] },
  pop: { wave: "triangle", notes: [[660, 0.05], [330, 0.07]] },
  jump: { wave: "square", notes: [[330, 0.05], [554, 0.08]] },
  shoot: { wave: "sawtooth", notes: [[1200, 0.03], [600, 0.05]] },
  bounce: { wave: "triangle", notes: [[523, 0.06]] },
  hit: { wave: "sawtooth", notes: [[196, 0.1], [98, 0.18]] },
  level: { wave: "square", notes: [[523, 0.08], [659, 0.08], [784, 0.08], [1047, 0.16]] },
  win: { wave: "square", notes: [[523, 0.12], [659, 0.12], [784, 0.12], [1047, 0.36]] },
  lose: { wave: "triangle", notes: [[392, 0.18], [330, 0.18], [262, 0.4]] },
};

const VOLUME = 0.1;

/**
 * Plays a sound effect. Browsers keep sound off until the player's first click or key; Phaser
 * turns it on then, and notes asked for a moment earlier (the title's "start") still play.
 * The notes go through Phaser's mute and volume, so a muted game stays silent.
 */
export function playSfx(scene: Phaser.Scene, name: SoundName) {
  const sound = scene.sound;
  if (!(sound instanceof Phaser.Sound.WebAudioSoundManager)) return;
  const context = sound.context;
  if (context.state === "closed") return;
  const { wave, notes } = SOUNDS[name];
  let at = context.currentTime;
  for (const [pitch, seconds] of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = wave;
    oscillator.frequency.setValueAtTime(pitch, at);
    gain.gain.setValueAtTime(VOLUME, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
    oscillator.connect(gain).connect(sound.destination);
    oscillator.start(at);
    oscillator.stop(at + seconds);
    at += seconds;
  }
}
