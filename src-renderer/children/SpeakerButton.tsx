interface SpeakerButtonProps {
  label: string;
  onSpeak: () => void;
}

/** Reads the question again; a picture of a loudspeaker, since the child may not read the word. */
export function SpeakerButton({ label, onSpeak }: SpeakerButtonProps) {
  return (
    <button type="button" className="child-round-button speaker-button" data-action="speak" aria-label={label} onClick={onSpeak}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
        <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    </button>
  );
}
