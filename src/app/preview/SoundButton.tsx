// "Sound on / Sound off": the one mute switch of a running game, in the IDE's preview bar and on
// the /play page's bar. Where the state lives is the caller's (the preview store; /play's player store).

export function SoundButton({ muted, onToggle, testId }: { muted: boolean; onToggle: () => void; testId: string }) {
  return (
    <button type="button" data-testid={testId} aria-pressed={muted} onClick={onToggle} title={muted ? "Turn the game's sound on" : "Mute the game's sound"}>
      {muted ? "Sound off" : "Sound on"}
    </button>
  );
}
